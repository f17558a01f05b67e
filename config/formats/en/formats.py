FULL_DATE_FORMAT = "l, j F Y"  # Thursday, 14 November 2024
WEEKDAY_DATE_FORMAT = "l, d.m.Y"
NUMERIC_DATE_FORMAT = "d.m.Y"
DAY_MONTH_FORMAT = "j F"  # 14 November
