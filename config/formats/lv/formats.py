# Dates as the paper prints them; Django's own lv formats cover everything else.
FULL_DATE_FORMAT = "l, j. F, Y"  # ceturtdiena, 14. novembris, 2024
WEEKDAY_DATE_FORMAT = "l, d.m.Y"  # otrdiena, 12.11.2024
NUMERIC_DATE_FORMAT = "d.m.Y"  # 21.05.2024
DAY_MONTH_FORMAT = "j. F"  # 14. novembris
NUMERIC_DATETIME_FORMAT = "d.m.Y H:i"  # 21.05.2024 09:30
