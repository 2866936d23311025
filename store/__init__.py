"""Everything tearsheet does without a screen: parse, load, group, extract, annotate, export, query."""
