"""The dashboard's tables as CSV (one block per table) and XLSX (one sheet per table), written by portal.tabular."""

from portal import tabular

NUMBER_FORMATS = {"count": "#,##0", "percent": "0.0", "points": "0.00", "rank": "0"}


def as_csv(tables):
    rows = []
    for position, table in enumerate(tables):
        if position:
            rows.append([])
        rows += [[table.title], [column.label for column in table.columns], *table.rows]
        if table.note:
            rows.append([table.note])
    return tabular.csv_bytes(rows), tabular.CSV_TYPE


def as_xlsx(tables):
    book = tabular.workbook()
    for table in tables:
        sheet = book.create_sheet(table.key[:31])
        tabular.append_row(sheet, [table.title], bold=True)
        tabular.append_row(sheet, [column.label for column in table.columns], bold=True)
        formats = [NUMBER_FORMATS.get(column.kind) for column in table.columns]
        for row in table.rows:
            tabular.append_row(sheet, row, number_formats=formats)
        if table.note:
            tabular.append_row(sheet, [table.note])
        sheet.column_dimensions["A"].width = 40
    if not book.sheetnames:
        book.create_sheet("trong")
    return tabular.xlsx_bytes(book), tabular.XLSX_TYPE


FORMATS = {"csv": as_csv, "xlsx": as_xlsx}
