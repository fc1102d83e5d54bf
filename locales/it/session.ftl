role-partner-admin = Amministratore partner
role-it-admin = Amministratore IT
partner-kind-resell = rivendita e visualizzazione/monitoraggio
partner-kind-service-delivery = fornitura di servizi
demo-size-standard = Standard (circa 3500 PC)
demo-size-large = Grande (100.000 PC non assegnati)

## Avvisi all'avvio
notice-session-ended = La tua sessione è terminata (sei uscito in un'altra scheda, i dati demo sono stati ripristinati o la sessione è scaduta). Accedi di nuovo per continuare.
notice-waiting-for-other-tab = Il portale è aperto in un'altra scheda e questo browser non può condividerlo tra schede. Chiudi l'altra scheda per continuare qui: nulla di ciò che hai fatto lì va perso.
notice-data-reset = Impossibile caricare i dati demo salvati: { $reason }. Sono stati ripristinati i dati demo originali.
restore-corrupted = i dati demo salvati sono danneggiati ({ $reason })
restore-other-version = i dati demo salvati sono stati scritti da un'altra versione del portale (formato { $found }, questa legge il { $reads })
restore-invalid-event = la modifica numero { $number } dei dati demo salvati non può essere applicata: { $reason }

## Errori del backend
backend-transport = Impossibile raggiungere il server del portale. Controlla la connessione: la pagina riprova da sola e si aggiorna appena il server torna disponibile.
backend-not-started = Il portale non è riuscito ad avviarsi in questo browser: { $reason }. Ricarica la pagina; se succede di nuovo, usa un altro browser o il server del portale.
backend-unreadable = Impossibile leggere la risposta del server: { $message }
backend-server = Il server ha risposto con un errore ({ $status }): { $message }
backend-address = L'indirizzo di questa pagina è errato: { $reason }
backend-storage = Impossibile salvare la modifica in questo browser: { $message }
backend-signed-out = Sei stato disconnesso: accedi di nuovo.
backend-wrong-credentials = L'indirizzo e-mail o la password non sono corretti.
# $count sceglie la forma; $n è il numero come viene mostrato.
backend-too-many-attempts = Troppi tentativi di accesso: attendi { $n } { $count ->
        [one] secondo
       *[other] secondi
    } e riprova.
backend-no-passwords = Questa demo non ha password: accedi con uno degli account demo.
backend-bad-request = Il server ha rifiutato la richiesta: { $message }
backend-not-found = Il server non ha questo elemento: { $message }
access-unknown-user = L'account { $id } non esiste più (i dati demo potrebbero essere stati ripristinati); accedi di nuovo
access-customer-not-available = Nel tuo account non c'è nessun cliente { $id }
access-partners-only = Solo un amministratore partner può aprire questa pagina
access-no-such-holding-tenant = Questi Dispositivi non assegnati non sono nel tuo account
access-setup-incomplete = Dispositivi non assegnati non è disponibile: la configurazione dell'account partner non è completa
access-no-such-transfer = Nel tuo account non c'è nessun trasferimento { $job }
account-partner-setup-complete = Partner di { $kind }, configurazione completata
account-partner-setup-incomplete = Partner di { $kind }, configurazione incompleta: nessun utente ha completato il corso per partner
account-customer = Vede solo la dashboard di questo cliente
