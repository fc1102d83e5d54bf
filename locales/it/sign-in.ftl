# La pagina di accesso (src/pages/sign_in.rs) e la pagina per un indirizzo
# inesistente (src/pages/not_found.rs).
sign-in-title = HP Workforce Experience Platform
sign-in-subtitle = Portale partner per l'assistenza HP Premium e Premium+
sign-in-accounts-title = Accedi con un account demo
sign-in-password-title = Accedi con il tuo indirizzo e-mail
sign-in-email = E-mail
sign-in-password = Password
sign-in-button = Accedi

demo-data-title = Dati demo
# Il backend nel browser conserva i dati demo nella memoria locale del browser…
demo-data-current-in-browser = I dati demo vengono generati dal seed { $seed } e conservati in questo browser. Dimensione attuale: { $size }.
# …il server del portale nel suo database, per tutti i browser.
demo-data-current-on-server = I dati demo vengono generati dal seed { $seed } e conservati nel database del server del portale, per chiunque usi questo server. Dimensione attuale: { $size }.
demo-data-size-after-reset = Dimensione dopo il ripristino
demo-data-confirm-reset = Conferma ripristino
demo-data-reset-warning = Il ripristino riporta i dati demo allo stato originale e annulla tutte le modifiche apportate da allora. Verrà effettuata la disconnessione.
demo-data-reset-now = Ripristina ora
demo-data-cancel = Annulla
demo-data-reset = Ripristina i dati demo
demo-data-reset-done = I dati demo sono stati ripristinati.

not-found-title = Pagina non trovata
# Seguito dall'indirizzo e da un punto.
not-found-no-page-at = Non esiste alcuna pagina all'indirizzo
