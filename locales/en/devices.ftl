# The device table, a customer's Devices > PCs, the Home pages and their bar charts.

# $count: the number, for the plural; $n: the same number, formatted.
device-table-pcs = { $n } { $count ->
        [one] PC
       *[other] PCs
    }
# $shown: the PCs shown, formatted; $total: all PCs, formatted; $count: all PCs, for the plural.
device-table-showing = Showing { $shown } of { $total } { $count ->
        [one] PC
       *[other] PCs
    }
# After " · " in the count line. $count: the number, for the plural; $n: the same number, formatted.
device-table-selected = { $n } { $count ->
        [one] selected
       *[other] selected
    }
device-table-scope-all = Copy and export act on all { $n } { $count ->
        [one] PC
       *[other] PCs
    } shown.
device-table-scope-selected = Copy and export act on the { $n } { $count ->
        [one] PC
       *[other] PCs
    } selected.
# $count: the number of serial numbers, for the plural; $n: the same, formatted.
device-table-copied = Copied { $n } { $count ->
        [one] serial number
       *[other] serial numbers
    } to the clipboard.
device-table-copy-failed = Could not copy to the clipboard: { $error }
# $file: the file name.
device-table-exported = Exported { $n } { $count ->
        [one] PC
       *[other] PCs
    } to { $file }.
device-table-export-failed = Could not export: { $error }
device-table-search = Search
device-table-search-placeholder = Serial number, model, product number, user…
device-table-all-plans = All plans
device-table-all-models = All models
device-table-filters-hide = Filters hide some PCs.
device-table-clear-filters = Clear filters
device-table-copy-serial-numbers = Copy serial numbers
device-table-export-csv = Export CSV
device-table-select-all = Select all shown PCs
# $serial: a PC's serial number.
device-table-select-row = Select { $serial }
device-table-no-pcs = There are no PCs here.
device-table-no-match = No PC matches the filters.
device-table-serial-number = Serial Number
device-table-model = Model
device-table-product-number = Product Number
device-table-support-plan = Support plan
device-table-warranty-end = Warranty end
device-table-last-seen = Last seen
device-table-last-user = Last signed-in user
device-table-location = Location

devices-title = PCs
# $name: the customer's name.
devices-lede = Devices > PCs of { $name }
devices-table-label = PCs of { $name }

# $partner: the partner's name.
customer-home-lede = Home · managed by { $partner }
customer-home-pcs = PCs
customer-home-chart-title = PCs by support plan
customer-home-see-all = See all { $n } { $count ->
        [one] PC
       *[other] PCs
    }

portfolio-title = Home
# $partner: the partner's name; $kind: its partner kind.
portfolio-lede = { $partner } · { $kind } partner
portfolio-customers = Customers
portfolio-pcs-in-dashboards = PCs in customer dashboards
portfolio-unassigned-pcs = Unassigned PCs
portfolio-not-available = Not available
portfolio-chart-title = PCs per customer

# The chart's accessible name: its title, then "label: value" for each bar, separated by "; ".
bar-chart-description = { $title }: { $values }
bar-chart-value = { $label }: { $value }
