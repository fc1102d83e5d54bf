# La pagina Account di un cliente, le sue Impostazioni, la registrazione dei PC e i pulsanti Copia.
account-title = Account
account-tab-overview = Panoramica
account-tab-enrol-pcs = Registra PC
account-customer-name = Nome cliente
account-customer-id = ID cliente
account-cpin = cPIN
account-partner = Partner
account-country = Paese
account-premium-pcs = PC Premium
account-premium-plus-pcs = PC Premium+

settings-title = Impostazioni
settings-insights-title = Raccolta dati HP Insights
settings-insights-text = Quando è attiva, HP Insights raccoglie l'ultimo utente che ha effettuato l'accesso e la posizione dei PC di questo cliente, che vengono mostrati negli elenchi dei dispositivi. Prima di aggiungere un PC, verifica che appartenga davvero a questo cliente: un PC trasferito al cliente sbagliato espone queste informazioni.
settings-insights-switch = Raccogli l'ultimo utente connesso e la posizione
settings-insights-saved-on = Salvato: la raccolta è attiva.
settings-insights-saved-off = Salvato: la raccolta è disattivata.
settings-notifications-title = Notifiche
settings-notifications-text = Gli avvisi hardware sui PC di questo cliente raggiungono gli utenti finali come pop-up, con un pulsante Visualizza che invia la richiesta di riparazione. Disattivali se sei tu a fornire assistenza a questo cliente, ad esempio con un'offerta Device-as-a-Service.
settings-self-service-alerts = Avvisi self-service
settings-alerts-turned-on = Sono stati attivati automaticamente quando è stato aggiunto il primo PC Premium o Premium+.
settings-alerts-no-pc-yet = Questa dashboard non contiene ancora alcun PC. Gli avvisi self-service si attivano automaticamente quando viene aggiunto il primo PC Premium o Premium+; solo allora è possibile disattivarli.
settings-alerts-saved-on = Salvato: gli avvisi self-service sono attivi.
settings-alerts-saved-off = Salvato: gli avvisi self-service sono disattivati.

enrol-title = Registra PC con il cPIN
enrol-intro = Il modo consigliato per aggiungere PC: inserisci i numeri di serie e il cPIN di questo cliente. I PC in Dispositivi non assegnati del partner vengono spostati in questa dashboard; un PC presente nella dashboard di un altro cliente viene rifiutato.
enrol-serials-one-per-line = Numeri di serie (uno per riga)
enrol-file = Oppure un file di numeri di serie (colonna A)
# $count: il numero, per il plurale; $n: lo stesso numero, formattato.
enrol-file-read = { $n } { $count ->
        [one] numero di serie letto
       *[other] numeri di serie letti
    } da { $file }.
enrol-file-unreadable = Impossibile leggere il file: { $error }.
enrol-button = Registra
# $count: il numero di PC, per il plurale; $n: lo stesso numero, formattato.
enrol-summary = { $count ->
       *[other] PC registrati
    }: { $enrolled } su { $n }.
enrol-results = Risultati della registrazione
enrol-column-serial-number = Numero di serie
enrol-column-result = Risultato

copy-button = Copia
# $what: ciò che viene copiato (ID cliente, cPIN).
copy-label = Copia { $what }
copy-copied = Copiato
copy-failed = Impossibile copiare: { $error }
