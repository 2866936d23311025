"""The orders figures are listed in, named apart from the queries so that the command line's parser takes them
without importing what reading an article needs."""

SORT_NAMES = ("document", "value", "when", "published", "kind")
"""`when` is the date a figure names, `published` its article's; `date` is the former name of `published`."""
FORMER_SORT_NAMES = {"date": "published"}
