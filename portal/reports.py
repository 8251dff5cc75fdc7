"""Staff reports on Wagtail's report view, exporting CSV and XLSX under portal.tabular's rules."""

from django.http import StreamingHttpResponse
from wagtail.admin.views.reports import ReportView

from portal import tabular


class SpreadsheetReportView(ReportView):
    """Wagtail writes the CSV/XLSX itself; the portal adds the byte order mark Excel needs for Vietnamese
    and writes text that would run as a formula as plain text in both formats."""

    def write_csv_response(self, queryset):
        headings = [self.get_heading(queryset, field) for field in self.list_export]
        rows = (
            [self.preprocess_field_value(field, value, self.FORMAT_CSV) for field, value in self.to_row_dict(item).items()]
            for item in queryset
        )
        response = StreamingHttpResponse(tabular.csv_lines([headings, *rows]), content_type=tabular.CSV_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{self.get_filename()}.csv"'
        return response

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        for cell in super().generate_xlsx_row(worksheet, row_dict, date_format):
            if isinstance(cell.value, str) and cell.value.startswith((*tabular.FORMULA_STARTS, tabular.QUOTE)):
                cell.data_type = "s"
                cell.quotePrefix = True
            yield cell
