# A customer's Account page, its Settings, enrolling PCs, and Copy buttons.
account-title = Account
account-tab-overview = Overview
account-tab-enrol-pcs = Enrol PCs
account-customer-name = Customer name
account-customer-id = Customer ID
account-cpin = cPIN
account-partner = Partner
account-country = Country
account-premium-pcs = Premium PCs
account-premium-plus-pcs = Premium+ PCs

settings-title = Settings
settings-insights-title = HP Insights data collection
settings-insights-text = When on, HP Insights collects the last signed-in user and the location of this customer's PCs, and device lists show them. Make sure a PC is really this customer's before it is added: a PC transferred to the wrong customer exposes this information.
settings-insights-switch = Collect last signed-in user and location
settings-insights-saved-on = Saved: collection is on.
settings-insights-saved-off = Saved: collection is off.
settings-notifications-title = Notifications
settings-notifications-text = Hardware alerts on this customer's PCs reach their end users as a pop-up, with a View button that sends the repair request. Turn them off if you serve this customer yourself, for example in a Device-as-a-Service offer.
settings-self-service-alerts = Self-service alerts
settings-alerts-turned-on = They were turned on automatically when the first Premium or Premium+ PC was added.
settings-alerts-no-pc-yet = This dashboard has no PC yet. Self-service alerts turn on automatically when the first Premium or Premium+ PC is added; only then can they be turned off.
settings-alerts-saved-on = Saved: self-service alerts are on.
settings-alerts-saved-off = Saved: self-service alerts are off.

enrol-title = Enrol PCs with the cPIN
enrol-intro = The preferred way to add PCs: enter their serial numbers and this customer's cPIN. PCs in your partner's Unassigned Devices move into this dashboard; a PC in another customer's dashboard is refused.
enrol-serials-one-per-line = Serial numbers (one per line)
enrol-file = Or a file of serial numbers (column A)
# $count: the number, for the plural; $n: the same number, formatted.
# English says "serial numbers" even for one.
enrol-file-read = { $n } { $count ->
        [one] serial number
       *[other] serial numbers
    } read from { $file }.
enrol-file-unreadable = The file could not be read: { $error }.
enrol-button = Enrol
# $count: the number of PCs, for the plural; $n: the same number, formatted.
enrol-summary = { $enrolled } of { $n } { $count ->
        [one] PC
       *[other] PCs
    } enrolled.
enrol-results = Enrolment results
enrol-column-serial-number = Serial Number
enrol-column-result = Result

copy-button = Copy
# $what: what is copied (Customer ID, cPIN).
copy-label = Copy { $what }
copy-copied = Copied
copy-failed = Could not copy: { $error }
