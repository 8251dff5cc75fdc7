"""Admin widgets of our own, where Wagtail has none (Wagtail 8 ships no searchable multiple choice)."""

from django import forms


class FilteredCheckboxes(forms.CheckboxSelectMultiple):
    """Checkboxes under a filter box that ignores diacritics, for classifications with dozens of choices,
    instead of a multi-select that needs Ctrl-click; ticked choices stay visible whatever the filter."""

    template_name = "portal/widgets/filtered_checkboxes.html"

    class Media:
        css = {"all": ["portal/admin/filtered-checkboxes.css"]}
        js = ["portal/admin/filtered-checkboxes.js"]
