# The sign-in page (src/pages/sign_in.rs) and the page for an unknown
# address (src/pages/not_found.rs).
sign-in-title = HP Workforce Experience Platform
sign-in-subtitle = Partner portal for HP Premium and Premium+ Support
sign-in-accounts-title = Sign in with a demo account
sign-in-password-title = Sign in with your e-mail address
sign-in-email = E-mail
sign-in-password = Password
sign-in-button = Sign in

demo-data-title = Demo data
# The in-browser backend keeps the demo data in the browser's local storage…
demo-data-current-in-browser = The demo data is generated from seed { $seed } and kept in this browser. Current size: { $size }.
# …the portal's server in its database, for every browser.
demo-data-current-on-server = The demo data is generated from seed { $seed } and kept in the portal server's database, for everyone who uses this server. Current size: { $size }.
demo-data-size-after-reset = Size after reset
demo-data-confirm-reset = Confirm reset
demo-data-reset-warning = Resetting restores the original demo data and discards every change made since. You will be signed out.
demo-data-reset-now = Reset now
demo-data-cancel = Cancel
demo-data-reset = Reset demo data
demo-data-reset-done = The demo data has been reset.

not-found-title = Page not found
# Followed by the address, then a full stop.
not-found-no-page-at = There is no page at
