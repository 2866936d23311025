"""The Textual reader and the `tearsheet` command line."""
