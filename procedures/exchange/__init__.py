"""Import and export of procedure records: the national sharing structure (JSON) and our flat template.

Both formats are read into one canonical record (`records.Record`), validated once and written once;
export goes the other way, so export followed by import changes nothing.
"""
