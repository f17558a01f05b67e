# "E" is the genitive month name ("14 ноября"); "F" would give the nominative ("Ноябрь").
FULL_DATE_FORMAT = "l, j E Y"  # четверг, 14 ноября 2024
WEEKDAY_DATE_FORMAT = "l, d.m.Y"
NUMERIC_DATE_FORMAT = "d.m.Y"
DAY_MONTH_FORMAT = "j E"  # 14 ноября
NUMERIC_DATETIME_FORMAT = "d.m.Y H:i"  # 21.05.2024 09:30
