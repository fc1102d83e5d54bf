# Valori ed errori del dominio (src/i18n/messages.rs).

role-partner-admin = Amministratore partner
role-it-admin = Amministratore IT
partner-kind-resell = rivendita e visualizzazione/monitoraggio
partner-kind-service-delivery = fornitura di servizi
alert-kind-battery = Sostituzione della batteria consigliata
alert-kind-hard-drive = Guasto del disco rigido previsto
alert-kind-fan = Guasto della ventola rilevato
alert-kind-memory = Errori di memoria rilevati
repair-not-requested = Non richiesta
repair-with-hp-support = Inviata all'assistenza clienti HP, che programma la riparazione
repair-with-partner = Inviata all'account CSDP del partner, da programmare
repair-scheduled = Riparazione programmata: { $day }
job-state-queued = In coda
job-state-running = In corso
job-state-completed = Completato
demo-size-standard = Standard (circa 3500 PC)
demo-size-large = Grande (100.000 PC non assegnati)
enrol-outcome-enrolled = Registrato
enrol-outcome-already-enrolled = Già in questa dashboard
enrol-outcome-other-customer = Rifiutato: questo PC è nella dashboard di un altro cliente
enrol-outcome-not-found = Dispositivo non trovato
enrol-outcome-invalid = Non è un numero di serie: { $reason }

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
case-empty-subject = L'oggetto è vuoto.
case-bad-serial = "{ $text }" non è un numero di serie (10 lettere e cifre).
alert-device-not-found = Nel tuo account non c'è nessun PC "{ $text }".
alert-no-such-alert = Nel tuo account non c'è nessun avviso { $id }.
alert-no-pop-up = Questo avviso non ha raggiunto nessun utente finale: gli avvisi self-service del cliente sono disattivati.
alert-already-requested = Per questo avviso è già stata richiesta una riparazione.
alert-cannot-schedule = Solo un partner di fornitura di servizi programma le riparazioni inviate al proprio account CSDP.
alert-day-in-the-past = Il { $day } è già passato: programma la riparazione per oggi o per un giorno successivo.
dashboard-empty-name = Il nome del cliente è vuoto.
dashboard-duplicate-name = Hai già un cliente di nome "{ $name }".
dashboard-empty-country = Il paese è vuoto.
dashboard-bad-email = "{ $text }" non è un indirizzo e-mail.
dashboard-email-taken = Esiste già un account per "{ $text }": indica un altro indirizzo e-mail per l'IT Admin.
dashboard-wrong-cpin = Il cPIN non è quello di questo cliente.
dashboard-alerts-need-first-pc = Gli avvisi self-service si possono disattivare solo quando il primo PC Premium o Premium+ è nella dashboard.
submit-refused = Il trasferimento è stato rifiutato: { $reason }.
submit-no-rows = il trasferimento non ha righe
submit-mixed-customer-ids = tutte le righe di un trasferimento devono indicare lo stesso ID cliente
submit-malformed-customer-id = "{ $text }" non è un ID cliente
submit-unknown-customer = { $id } non è uno dei tuoi clienti
customer-id-empty = l'ID cliente è vuoto
customer-id-malformed = "{ $text }" non è un ID cliente (un ID cliente ha la forma CUS-1A2B3C4D; copialo da Account > Panoramica)
serial-empty = il numero di serie è vuoto
serial-wrong-length = un numero di serie HP ha { $len } lettere e cifre, questo ne ha { $found }
serial-invalid-character = un numero di serie HP contiene solo lettere e cifre, questo contiene '{ $found }'

## File di trasferimento
file-error-empty = Il file è vuoto.
file-error-too-large = Il file è di { $bytes } byte; il limite è { $limit } byte ({ $mb } MB). Dividilo in file più piccoli.
file-error-too-many-rows = Il file ha più di { $limit } righe (la riga { $line } supera il limite). Dividilo in file più piccoli.
file-error-binary = Il file non è un file CSV o Excel: non contiene testo. Salvalo da Excel come CSV o come cartella di lavoro Excel (.xlsx).
file-error-extra-column = La riga { $line } ha un valore nella colonna { $column } ("{ $value }"). Un file di trasferimento ha due colonne: A il numero di serie, B l'ID cliente. Rimuovi le altre colonne e caricalo di nuovo.
file-error-workbook = Impossibile leggere la cartella di lavoro Excel: { $reason }.
file-problem-no-rows = Il file non ha righe con numeri di serie.
file-problem-no-customer-id = Nessuna riga ha un ID cliente nella colonna B. Copialo da Account > Panoramica del cliente di destinazione.
file-problem-id-on-lines = { $id } ({ $lines })
file-problem-mixed-customer-ids = Il file indica più di un ID cliente ({ $ids }). Un trasferimento sposta i PC a un solo cliente: prepara un file per ogni cliente.
file-problem-malformed-customer-id = "{ $text }" nella colonna B non è un ID cliente (ha la forma CUS-1A2B3C4D). Copialo da Account > Panoramica del cliente di destinazione.
file-problem-unknown-customer = { $id } non è uno dei tuoi clienti. Controlla l'ID cliente in Account > Panoramica del cliente di destinazione.
file-problem-transfer-to-self = Il file sposta i PC a { $name }, il cliente della pagina in cui ti trovi. Avvia il trasferimento dalla pagina in cui si trovano ora i PC: Dispositivi non assegnati, oppure Dispositivi > PC del cliente che li ha.
lines-one = riga { $line }
lines-some = righe { $lines }
lines-many = righe { $lines } (+{ $more })
row-serial-empty = Il numero di serie nella colonna A è vuoto.
row-bad-serial = Non è un numero di serie: { $reason }.
row-missing-customer-id = La colonna B non ha un ID cliente.
row-duplicate = Lo stesso numero di serie è alla riga { $line }.
row-elsewhere = Questo PC non è in questa pagina: si trova in { $place }. Avvia un trasferimento da lì.
row-already-in-target = Questo PC è già nella dashboard del cliente di destinazione.
row-not-found = Dispositivo non trovato: questo PC non è nel tuo account. Se ti è stato rivenduto, crea una richiesta di supporto con il suo numero di serie.
place-customer-pcs = Dispositivi > PC di { $name }
account-partner-setup-complete = Partner di { $kind }, configurazione completata
account-partner-setup-incomplete = Partner di { $kind }, configurazione incompleta: nessun utente ha completato il corso per partner
account-customer = Vede solo la dashboard di questo cliente
case-state-open = Aperta
encoding-utf8-bom = UTF-8 con BOM
format-csv-comma = CSV, { $encoding }, separato da virgole
format-csv-semicolon = CSV, { $encoding }, separato da punto e virgola
format-csv-tab = CSV, { $encoding }, separato da tabulazioni
format-xlsx = Cartella di lavoro Excel, foglio "{ $sheet }"
