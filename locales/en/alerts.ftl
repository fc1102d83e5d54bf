# All Customers > Alerts, the end user's pop-up, and Repair requests.
alerts-title = Alerts
alerts-lede = Alerts on PCs in Unassigned Devices go to the PC's end user as a pop-up; the end user clicks View to send the repair request. In a customer's dashboard the pop-up appears only while the customer's self-service alerts are on.
alerts-simulate-title = Simulate alert
alerts-field-serial-number = Serial Number
alerts-field-alert = Alert
alerts-simulate-button = Simulate alert
alerts-raised-admins-only = Alert { $id } raised on { $serial }. Self-service alerts are off for { $customer }: no pop-up reached the end user.
alerts-raised-pop-up = Alert { $id } raised on { $serial }: the end user sees the pop-up below.
alerts-column-alert = Alert
alerts-column-raised = Raised
alerts-column-serial-number = Serial Number
alerts-column-where = Where
alerts-column-what = What
alerts-column-end-user = End user
alerts-column-repair = Repair
alerts-delivery-pop-up = Pop-up
alerts-delivery-admins-only = No pop-up (self-service alerts off)
alerts-show-pop-up = Show pop-up
alerts-show-pop-up-label = Show the end-user pop-up of alert { $id }

# What the PC's end user sees.
popup-label = End-user pop-up on PC { $serial }
popup-caption-before = On the PC
popup-caption-after = , its end user sees:
popup-title = HP Support
popup-text = { $alert }. HP can repair this PC for you.
popup-view = View
popup-sent-to-hp-support = Repair request sent to HP customer support, which will schedule the repair.
popup-sent-to-partner = Repair request sent to your CSDP account: schedule it on the Repair requests page.

# All Customers > Repair requests (Service Delivery partners).
repair-requests-title = Repair requests
repair-requests-lede = Repairs requested by end users from the alert pop-up on PCs in your Unassigned Devices reach your CSDP account. Schedule each one.
repair-requests-none = No repair requests.
repair-requests-column-state = State
repair-requests-column-schedule = Schedule
repair-requests-day-label = Repair day for alert { $id }
repair-requests-schedule = Schedule
