# Transfers: the Transfer Devices dialog (src/components/transfer_dialog.rs),
# the Notification Center, the Transfers page, Unassigned Devices and the
# partner setup notice.
#
# In messages with a count, $count is the raw number (for the plural) and
# $n the same number formatted for display.

## The Transfer button and the Transfer Devices dialog
transfer-button = Transfer
# Shown on the page once a transfer is queued. $job: the transfer's number;
# $source: where the PCs are now; $target: the customer receiving them.
transfer-in-progress = Transfer { $job } is in progress: { $n } { $count ->
        [one] PC
       *[other] PCs
    } from { $source } to { $target }. When it is done, a red mark appears on the Notification Center (the bell, upper right).
# The same line once the transfer has finished.
transfer-done = Transfer { $job } is done: { $n } { $count ->
        [one] PC
       *[other] PCs
    } from { $source } to { $target }. Its Summary is in the Notification Center (the bell, upper right).
transfer-dialog-title = Transfer Devices
transfer-step-sample = Download the sample transfer file.
transfer-download-sample = Download sample transfer file
transfer-step-fill = For each PC, add a row: column A the serial number, column B the Customer ID of the customer that will receive the PCs (from its Account > Overview). Use the same Customer ID in every row.
transfer-step-upload = Upload the file here, from this page: only the PCs listed on this page can be transferred.
# $rows: the most rows a file may have, formatted; $mb: its largest size in MB.
transfer-limits = CSV (comma, semicolon or tab separated) or Excel workbook (.xlsx, first sheet). At most { $rows } rows and { $mb } MB.
transfer-file-label = Transfer file
transfer-drop-hint = or drop the file here
# $name: the file's name.
transfer-reading = Reading { $name }…
transfer-cannot-be-used = { $name } cannot be used.
# $reason: what the browser said, or transfer-file-reader-stopped.
transfer-file-not-read = The file could not be read: { $reason }.
transfer-file-reader-stopped = the file reader stopped: { $detail }
transfer-upload = Upload
transfer-uploading = Uploading…
transfer-cancel = Cancel

## The review of a file
transfer-file-check = File check
# After the file's name and ": ". $format: how the file was read, e.g.
# "CSV, UTF-8, comma-separated".
transfer-read-as = { $format }; { $n } { $count ->
        [one] row
       *[other] rows
    } read
transfer-read-as-header-skipped = { $format }; header row skipped; { $n } { $count ->
        [one] row
       *[other] rows
    } read
# Followed by the customer's name and its Customer ID.
transfer-target-customer = Target customer:
transfer-nothing-can-be-transferred = Nothing can be transferred with this file:
transfer-will-move = { $n } { $count ->
        [one] PC
       *[other] PCs
    } will be transferred.
transfer-rows-have-problems = { $n } { $count ->
        [one] row has a problem
       *[other] rows have problems
    }
# $shown: how many rows with problems the dialog lists.
transfer-problems-first-listed = (the first { $shown } are listed; the download has them all)
transfer-problems-fix = Fix the file and upload it again, or transfer the other rows without them.
transfer-download-problems = Download rows with problems
transfer-problems-table = Rows with problems
transfer-col-line = Line
transfer-col-serial = Serial Number
transfer-col-customer-id = Customer ID
transfer-col-problem = Problem
# One row has a problem; $count / $n: the PCs that can be transferred.
transfer-leave-out-row = Leave out the row with problems and transfer the other { $n } { $count ->
        [one] PC
       *[other] PCs
    }
# $rows: the rows with problems (two or more), formatted; $count / $n: the
# PCs that can be transferred.
transfer-leave-out-rows = Leave out the { $rows } rows with problems and transfer the other { $n } { $count ->
        [one] PC
       *[other] PCs
    }
transfer-possession-warning = Transfer PCs only to the customer that has them: its administrators can have HP Insights collect the last signed-in user and the location of its PCs, so a PC transferred to the wrong customer exposes them.
transfer-possession-confirm = The customer has these devices in their physical possession
# The Summary of a completed transfer (its content stays in English).
transfer-download-summary = Download Summary

## The Notification Center (the bell in the top bar)
# The bell's accessible name.
notifications-bell-label-none = Notification Center, no unread notifications
notifications-bell-label = Notification Center, { $n } unread { $count ->
        [one] notification
       *[other] notifications
    }
notifications-title = Notifications
notifications-empty = No notifications yet. Finished transfers appear here.
# Read out before an unread notification.
notifications-unread = Unread:
# A finished transfer. $id: its number; $count / $n: its PCs; $target: the
# receiving customer; $succeeded / $failed: rows transferred and failed,
# formatted, with $succeeded-count / $failed-count for the plural.
notifications-headline-completed = Transfer { $id }: { $n } { $count ->
        [one] PC
       *[other] PCs
    } to { $target }: { $succeeded } { $succeeded-count ->
        [one] transferred
       *[other] transferred
    }, { $failed } { $failed-count ->
        [one] failed
       *[other] failed
    }
# $source: where the PCs came from; $completed: date and time.
notifications-from = From { $source } · completed { $completed }
# The subject of the support case opened from a notification.
notifications-support-subject = Transfer { $id }: { $n } { $count ->
        [one] row
       *[other] rows
    } failed
notifications-create-case = Create support case for the failed rows

## All Customers > Transfers
transfers-page-lede = Every transfer of your account, newest first. The Summary gives each row's State Description.
transfers-page-empty = No transfers yet. Start one with the Transfer button above Unassigned Devices or a customer's Devices > PCs.
transfers-page-col-transfer = Transfer
transfers-page-col-submitted = Submitted
transfers-page-col-from = From
transfers-page-col-to = To
transfers-page-col-pcs = PCs
transfers-page-col-state = State
transfers-page-col-transferred = Transferred
transfers-page-col-failed = Failed
transfers-page-col-summary = Summary
transfers-page-download-summary-of = Download Summary of transfer { $id }

## All Customers > Unassigned Devices
unassigned-lede = PCs reported to HP as resold by your organisation that are not yet in a customer's dashboard.
unassigned-clear-filters = Clear any filters so the full list is visible before you export or copy serial numbers.
unassigned-missing = Some resold PCs missing?
# A link; followed by unassigned-missing-serials.
unassigned-create-case = Create a support case
unassigned-missing-serials = with their serial numbers.
unassigned-support-subject = Some resold PCs are missing from Unassigned Devices

## The notice shown while the partner setup is incomplete
setup-notice-title = Unassigned Devices is not available
setup-notice-incomplete = Your partner account setup is incomplete: none of your users has completed the HP Premium/Premium+ partner course.
setup-notice-holding-tenant = The holding tenant, and with it Unassigned Devices, is created once one of them does.
# $courses: the HP University course IDs, joined by setup-notice-followed-by.
setup-notice-resellers-course = Resellers: course ID { $courses }
setup-notice-service-delivery-course = Service Delivery Partners: course ID { $courses }
setup-notice-followed-by = followed by
# Followed by the link setup-notice-create-case, setup-notice-or-email and
# the e-mail address.
setup-notice-help = If you need additional help,
setup-notice-create-case = create a support case
setup-notice-or-email = or email
setup-notice-support-subject = Unassigned Devices is missing

# A cell of the Problem column of "Download rows with problems".
transfer-problem-cell = Line { $line }: { $reason }
# A row with another Customer ID than most of the file. $expected: that Customer ID.
transfer-row-other-customer-id = This row names another Customer ID than the rest of the file ({ $expected }): a transfer moves PCs to one customer.
