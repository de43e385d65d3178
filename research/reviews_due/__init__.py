"""Clinical reviews that come due: the dates, the "Reviews due" report, the dashboard panel and
the reviewers' email (`manage.py send_reviews_due`)."""
