"""Decision helper (issue 7): data file, rendering and script size."""
