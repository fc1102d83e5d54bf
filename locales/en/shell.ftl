# The frame around every signed-in page.
shell-skip-to-content = Skip to content
shell-product-name = Workforce Experience Platform
shell-help = Help
shell-sign-out = Sign out
shell-main-menu = Main menu
# In the top bar while the server's stream of live updates is cut; gone once it is back.
shell-live-updates-paused = Live updates paused
language = Language
loading = Loading…
error-page-cannot-be-shown = This page cannot be shown
error-go-home = Go to your Home page

menu-home = Home
menu-customers = Customers
menu-transfers = Transfers
menu-alerts = Alerts
menu-repair-requests = Repair requests
menu-unassigned-devices = Unassigned Devices
menu-devices = Devices
menu-pcs = PCs
menu-account = Account
menu-settings = Settings
menu-customers-picker = Customers
menu-all-customers = All Customers
# The Customers drop-down when the address names none of the partner's customers.
menu-choose-customer = Choose a customer…

# A file input (src/components/file_picker.rs).
file-picker-choose = Choose file
file-picker-none = No file chosen

pages-not-loaded-title = The portal could not load this page
pages-not-loaded-why = Part of it could not be fetched from the server: the connection may be down, or the portal was updated meanwhile. Nothing you did was lost.
pages-not-loaded-reload = Reload the portal

# Under the language switch when the chosen language's messages could not be fetched.
language-not-loaded = { $language } could not be loaded from the server. Check your connection and try again.

# The start-up notice banner (src/components/startup_notice.rs).
startup-notice-dismiss = Dismiss

# In place of a section of the sign-in page (the demo data's) whose code could not be fetched.
section-not-loaded = Part of this page could not be loaded from the server.
