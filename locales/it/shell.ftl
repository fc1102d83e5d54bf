# La cornice di ogni pagina dopo l'accesso.
shell-skip-to-content = Vai al contenuto
shell-product-name = Workforce Experience Platform
shell-help = Guida
shell-sign-out = Esci
shell-main-menu = Menu principale
# Nella barra superiore mentre il flusso degli aggiornamenti dal server è interrotto; scompare quando riprende.
shell-live-updates-paused = Aggiornamenti in tempo reale sospesi
language = Lingua
loading = Caricamento…
error-page-cannot-be-shown = Impossibile mostrare questa pagina
error-go-home = Vai alla tua pagina Home

menu-home = Home
menu-customers = Clienti
menu-transfers = Trasferimenti
menu-alerts = Avvisi
menu-repair-requests = Richieste di riparazione
menu-unassigned-devices = Dispositivi non assegnati
menu-devices = Dispositivi
menu-pcs = PC
menu-account = Account
menu-settings = Impostazioni
menu-customers-picker = Clienti
menu-all-customers = Tutti i clienti
# Il menu a discesa Clienti quando l'indirizzo non indica nessuno dei clienti del partner.
menu-choose-customer = Scegli un cliente…

# Un campo per scegliere un file (src/components/file_picker.rs).
file-picker-choose = Scegli file
file-picker-none = Nessun file selezionato

pages-not-loaded-title = Il portale non è riuscito a caricare questa pagina
pages-not-loaded-why = Non è stato possibile scaricarne una parte dal server: la connessione potrebbe essere interrotta, oppure il portale è stato aggiornato nel frattempo. Nulla di ciò che hai fatto è andato perso.
pages-not-loaded-reload = Ricarica il portale

language-not-loaded = Non è stato possibile caricare { $language } dal server. Controlla la connessione e riprova.

startup-notice-dismiss = Chiudi

section-not-loaded = Non è stato possibile caricare dal server una parte di questa pagina.
