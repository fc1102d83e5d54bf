# Domain values and the rules' refusals (src/i18n/messages.rs), read behind
# sign-in. The English wording is wxp-core's own (its Display impls), as
# full sentences.

alert-kind-battery = Battery replacement recommended
alert-kind-hard-drive = Hard drive failure predicted
alert-kind-fan = Fan failure detected
alert-kind-memory = Memory errors detected
repair-not-requested = Not requested
repair-with-hp-support = Sent to HP customer support, which schedules the repair
repair-with-partner = Sent to the partner's CSDP account, to be scheduled
repair-scheduled = Repair scheduled for { $day }
job-state-queued = Queued
job-state-running = In progress
job-state-completed = Completed
enrol-outcome-enrolled = Enrolled
enrol-outcome-already-enrolled = Already in this dashboard
enrol-outcome-other-customer = Refused: this PC is in another customer's dashboard
enrol-outcome-not-found = Device not found
enrol-outcome-invalid = Not a serial number: { $reason }

## Rule refusals
case-empty-subject = The subject is empty.
case-bad-serial = "{ $text }" is not a serial number (10 letters and digits).
alert-device-not-found = There is no PC "{ $text }" in your account.
alert-no-such-alert = There is no alert { $id } in your account.
alert-no-pop-up = This alert reached no end user: the customer's self-service alerts are off.
alert-already-requested = A repair was requested for this alert already.
alert-cannot-schedule = Only a Service Delivery partner schedules repairs sent to its CSDP account.
alert-day-in-the-past = { $day } has passed: schedule the repair for today or a later day.
dashboard-empty-name = The customer name is empty.
dashboard-duplicate-name = You already have a customer named "{ $name }".
dashboard-empty-country = The country is empty.
dashboard-bad-email = "{ $text }" is not an e-mail address.
dashboard-email-taken = There is already an account for "{ $text }": give another e-mail address for the IT Admin.
dashboard-wrong-cpin = The cPIN is not this customer's cPIN.
dashboard-alerts-need-first-pc = Self-service alerts can be turned off only once the first Premium or Premium+ PC is in the dashboard.
submit-refused = The transfer was refused: { $reason }.
submit-no-rows = the transfer has no rows
submit-mixed-customer-ids = every row of a transfer must name the same Customer ID
submit-malformed-customer-id = "{ $text }" is not a Customer ID
submit-unknown-customer = { $id } is not one of your customers
customer-id-empty = the Customer ID is empty
customer-id-malformed = "{ $text }" is not a Customer ID (a Customer ID looks like CUS-1A2B3C4D; copy it from Account > Overview)
serial-empty = the serial number is empty
serial-wrong-length = an HP serial number has { $len } letters and digits, this one has { $found }
serial-invalid-character = an HP serial number has only letters and digits, this one contains '{ $found }'

## Transfer files
file-error-empty = The file is empty.
file-error-too-large = The file is { $bytes } bytes; the limit is { $limit } bytes ({ $mb } MB). Split it into smaller files.
file-error-too-many-rows = The file has more than { $limit } rows (line { $line } is over the limit). Split it into smaller files.
file-error-binary = The file is not a CSV or Excel file: it does not contain text. Save it from Excel as CSV or as an Excel workbook (.xlsx).
file-error-extra-column = Line { $line } has a value in column { $column } ("{ $value }"). A transfer file has two columns: A the serial number, B the Customer ID. Remove the other columns and upload it again.
file-error-workbook = The Excel workbook could not be read: { $reason }.
file-problem-no-rows = The file has no rows of serial numbers.
file-problem-no-customer-id = No row has a Customer ID in column B. Copy it from the target customer's Account > Overview.
file-problem-id-on-lines = { $id } on { $lines }
file-problem-mixed-customer-ids = The file names more than one Customer ID ({ $ids }). A transfer moves PCs to one customer: make one file per customer.
file-problem-malformed-customer-id = "{ $text }" in column B is not a Customer ID (it looks like CUS-1A2B3C4D). Copy it from the target customer's Account > Overview.
file-problem-unknown-customer = { $id } is not one of your customers. Check the Customer ID on the target customer's Account > Overview.
file-problem-transfer-to-self = The file moves PCs to { $name }, the customer whose page you are on. Start the transfer from the page where the PCs are now: Unassigned Devices, or the Devices > PCs of the customer that has them.
lines-one = line { $line }
lines-some = lines { $lines }
lines-many = lines { $lines } and { $more } more
row-serial-empty = The serial number in column A is empty.
row-bad-serial = Not a serial number: { $reason }.
row-missing-customer-id = Column B has no Customer ID.
row-duplicate = The same serial number is on line { $line }.
row-elsewhere = This PC is not on this page: it is in { $place }. Start a transfer from there for it.
row-already-in-target = This PC is already in the target customer's dashboard.
row-not-found = Device not found: this PC is not in your account. If it was resold to you, create a support case with its serial number.
place-customer-pcs = the Devices > PCs of { $name }
case-state-open = Open
encoding-utf8-bom = UTF-8 with BOM
format-csv-comma = CSV, { $encoding }, comma-separated
format-csv-semicolon = CSV, { $encoding }, semicolon-separated
format-csv-tab = CSV, { $encoding }, tab-separated
format-xlsx = Excel workbook, sheet "{ $sheet }"
