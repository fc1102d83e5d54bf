# Domain values and errors (src/i18n/messages.rs).
role-partner-admin = Partner Admin
role-it-admin = IT Admin
partner-kind-resell = Resell and View/Monitor
partner-kind-service-delivery = Service Delivery
alert-kind-battery = Battery replacement recommended
alert-kind-hard-drive = Hard drive failure predicted
alert-kind-fan = Fan failure detected
alert-kind-memory = Memory errors detected
job-state-queued = Queued
job-state-running = In progress
job-state-completed = Completed
demo-size-standard = Standard (about 3,500 PCs)
demo-size-large = Large (100,000 unassigned PCs)
