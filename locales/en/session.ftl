# Accounts, the session, the start-up notices and the backend's errors:
# what the first screen can say (src/i18n/messages.rs). Built into the
# first download, with sign-in.ftl and shell.ftl (build.rs).

role-partner-admin = Partner Admin
role-it-admin = IT Admin
partner-kind-resell = Resell and View/Monitor
partner-kind-service-delivery = Service Delivery
demo-size-standard = Standard (about 3,500 PCs)
demo-size-large = Large (100,000 unassigned PCs)

## Start-up notices
notice-session-ended = Your session has ended (you signed out in another tab, the demo data was reset, or the session expired). Sign in again to go on.
notice-waiting-for-other-tab = The portal is open in another tab, and this browser cannot share it between tabs. Close the other tab to go on here: nothing done there is lost.
notice-data-reset = Your saved demo data could not be loaded: { $reason }. It has been reset to the original demo data.
restore-corrupted = the stored demo data is corrupted ({ $reason })
restore-other-version = the stored demo data was written by another version of the portal (format { $found }, this one reads { $reads })
restore-invalid-event = change number { $number } of the stored demo data cannot be applied: { $reason }

## Backend errors
backend-transport = The portal's server cannot be reached. Check your connection: the page tries again by itself and updates once the server is back.
backend-not-started = The portal could not start in this browser: { $reason }. Reload the page; if it happens again, use another browser or the portal's server.
backend-unreadable = The server's answer could not be read: { $message }
backend-server = The server answered with an error ({ $status }): { $message }
backend-address = The address of this page is wrong: { $reason }
backend-storage = The change could not be saved in this browser: { $message }
backend-signed-out = You are signed out: sign in again.
backend-wrong-credentials = The e-mail address or password is wrong.
# $count selects the form; $n is the number as shown.
backend-too-many-attempts = Too many attempts to sign in: wait { $n } { $count ->
        [one] second
       *[other] seconds
    } and try again.
backend-no-passwords = This demo has no passwords: sign in with one of the demo accounts.
backend-bad-request = The server refused the request: { $message }
backend-not-found = The server has no such item: { $message }
access-unknown-user = The account { $id } no longer exists (the demo data may have been reset); sign in again
access-customer-not-available = There is no customer { $id } in your account
access-partners-only = Only a Partner Admin can open this page
access-no-such-holding-tenant = These Unassigned Devices are not in your account
access-setup-incomplete = Unassigned Devices is not available: the partner account setup is incomplete
access-no-such-transfer = There is no transfer { $job } in your account
account-partner-setup-complete = { $kind } partner, setup complete
account-partner-setup-incomplete = { $kind } partner, setup incomplete: no user has finished the partner course
account-customer = Sees only this customer's dashboard
