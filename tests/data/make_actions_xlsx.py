"""Writes tests/data/actions.xlsx, the spreadsheet action plan the import tests read.

Run from the repository root: python3 tests/data/make_actions_xlsx.py (needs openpyxl).
"""

from datetime import date, datetime

from openpyxl import Workbook

wb = Workbook()
readme = wb.active
readme.title = "Read me"
readme["A1"] = "Action plan of the Djebba fig cluster. One row per joint action, on the sheet 'actions'."

sheet = wb.create_sheet("actions")
sheet.append(["Title", "Cooperatives", "Start", "Due", "Target", "Unit", "Checkin days", "Notes"])
sheet.append(["Joint purchase of fruit boxes", "Djebba Figs", date(2026, 3, 1), date(2026, 6, 30), 5000, "boxes", 14, "ask the municipality"])
sheet.append([])
sheet.append(["Stand at the SIAT fair", None, date(2026, 4, 1), datetime(2026, 10, 15, 0, 0), None, None, 30, None])
sheet.append(["Chambre froide partagée", "djebba figs, Béja Dry Fruits", "01/05/2026", "15.09.2026", "2 t", None, None, None])
for cell in ("C2", "D2", "C4", "D4"):
    sheet[cell].number_format = "dd/mm/yyyy"

wb.save("tests/data/actions.xlsx")
