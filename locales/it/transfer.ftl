# Trasferimenti: la finestra Trasferimento dispositivi, il Centro notifiche,
# la pagina Trasferimenti, Dispositivi non assegnati e l'avviso sulla
# configurazione del partner.
#
# Nei messaggi con un conteggio, $count è il numero (per il plurale) e $n lo
# stesso numero formattato.

## Il pulsante Trasferisci e la finestra Trasferimento dispositivi
transfer-button = Trasferisci
# Mostrato nella pagina quando il trasferimento è in coda. $job: il numero
# del trasferimento; $source: dove si trovano ora i PC; $target: il cliente
# che li riceve.
transfer-in-progress = Il trasferimento { $job } è in corso: { $n } { $count ->
        [one] PC
       *[other] PC
    } da { $source } a { $target }. Al termine, sul Centro notifiche (la campanella in alto a destra) comparirà un segno rosso.
# La stessa riga a trasferimento terminato.
transfer-done = Il trasferimento { $job } è terminato: { $n } { $count ->
        [one] PC
       *[other] PC
    } da { $source } a { $target }. Il riepilogo è nel Centro notifiche (la campanella in alto a destra).
transfer-dialog-title = Trasferimento dispositivi
transfer-step-sample = Scarica il file di trasferimento di esempio.
transfer-download-sample = Scarica il file di esempio
transfer-step-fill = Per ogni PC, aggiungi una riga: nella colonna A il numero di serie, nella colonna B l'ID cliente del cliente che riceverà i PC (lo trovi in Account > Panoramica del cliente). Usa lo stesso ID cliente in tutte le righe.
transfer-step-upload = Carica il file qui, da questa pagina: è possibile trasferire solo i PC elencati in questa pagina.
# $rows: il numero massimo di righe, formattato; $mb: la dimensione massima in MB.
transfer-limits = CSV (separato da virgole, punti e virgola o tabulazioni) o cartella di lavoro Excel (.xlsx, primo foglio). Al massimo { $rows } righe e { $mb } MB.
transfer-file-label = File di trasferimento
transfer-drop-hint = oppure trascina qui il file
# $name: il nome del file.
transfer-reading = Lettura di { $name }…
transfer-cannot-be-used = Impossibile usare { $name }.
# $reason: quanto riportato dal browser, oppure transfer-file-reader-stopped.
transfer-file-not-read = Impossibile leggere il file: { $reason }.
transfer-file-reader-stopped = il lettore di file si è interrotto: { $detail }
transfer-upload = Carica
transfer-uploading = Caricamento in corso…
transfer-cancel = Annulla

## Il controllo del file
transfer-file-check = Controllo del file
# Dopo il nome del file e ": ". $format: come è stato letto il file, ad es.
# "CSV, UTF-8, comma-separated".
transfer-read-as = { $format }; { $n } { $count ->
        [one] riga letta
       *[other] righe lette
    }
transfer-read-as-header-skipped = { $format }; riga di intestazione ignorata; { $n } { $count ->
        [one] riga letta
       *[other] righe lette
    }
# Seguito dal nome del cliente e dal suo ID cliente.
transfer-target-customer = Cliente di destinazione:
transfer-nothing-can-be-transferred = Con questo file non è possibile trasferire nulla:
transfer-will-move = { $count ->
        [one] Verrà trasferito
       *[other] Verranno trasferiti
    } { $n } PC.
transfer-rows-have-problems = { $n } { $count ->
        [one] riga presenta un problema
       *[other] righe presentano problemi
    }
# $shown: quante righe con problemi sono elencate nella finestra.
transfer-problems-first-listed = (sono elencate le prime { $shown }; il file scaricato le contiene tutte)
transfer-problems-fix = Correggi il file e caricalo di nuovo, oppure trasferisci solo le righe senza problemi.
transfer-download-problems = Scarica le righe con problemi
transfer-problems-table = Righe con problemi
transfer-col-line = Riga
transfer-col-serial = Numero di serie
transfer-col-customer-id = ID cliente
transfer-col-problem = Problema
# Una sola riga con problemi; $count / $n: i PC che possono essere trasferiti.
transfer-leave-out-row = Escludi la riga con problemi e trasferisci { $count ->
        [one] l'unico PC restante
       *[other] i PC restanti
    } ({ $n })
# $rows: le righe con problemi (due o più), formattate; $count / $n: i PC
# che possono essere trasferiti.
transfer-leave-out-rows = Escludi le { $rows } righe con problemi e trasferisci { $count ->
        [one] l'unico PC restante
       *[other] i PC restanti
    } ({ $n })
transfer-possession-warning = Trasferisci i PC solo al cliente che li possiede: i suoi amministratori possono far raccogliere a HP Insights l'ultimo utente che ha effettuato l'accesso e la posizione dei suoi PC, quindi un PC trasferito al cliente sbagliato espone questi dati.
transfer-possession-confirm = I dispositivi sono fisicamente in possesso del cliente
# Il riepilogo di un trasferimento completato (il contenuto resta in inglese).
transfer-download-summary = Scarica il riepilogo

## Il Centro notifiche (la campanella nella barra superiore)
# Il nome accessibile della campanella.
notifications-bell-label-none = Centro notifiche, nessuna notifica non letta
notifications-bell-label = Centro notifiche, { $n } { $count ->
        [one] notifica non letta
       *[other] notifiche non lette
    }
notifications-title = Notifiche
notifications-empty = Ancora nessuna notifica. Qui compaiono i trasferimenti completati.
# Letto prima di una notifica non letta.
notifications-unread = Non letta:
# Un trasferimento completato. $id: il suo numero; $count / $n: i suoi PC;
# $target: il cliente che li riceve; $succeeded / $failed: righe trasferite
# e non riuscite, formattate, con $succeeded-count / $failed-count per il plurale.
notifications-headline-completed = Trasferimento { $id }: { $n } { $count ->
        [one] PC
       *[other] PC
    } a { $target }: { $succeeded } { $succeeded-count ->
        [one] trasferito
       *[other] trasferiti
    }, { $failed } { $failed-count ->
        [one] non riuscito
       *[other] non riusciti
    }
# $source: da dove provengono i PC; $completed: data e ora.
notifications-from = Da { $source } · completato il { $completed }
# L'oggetto della richiesta di supporto aperta da una notifica.
notifications-support-subject = Trasferimento { $id }: { $n } { $count ->
        [one] riga non riuscita
       *[other] righe non riuscite
    }
notifications-create-case = Crea una richiesta di supporto per le righe non riuscite

## Tutti i clienti > Trasferimenti
transfers-page-lede = Tutti i trasferimenti del tuo account, dal più recente. Il riepilogo riporta l'esito di ogni riga nella colonna State Description.
transfers-page-empty = Ancora nessun trasferimento. Avviane uno con il pulsante Trasferisci sopra Dispositivi non assegnati o sopra Dispositivi > PC di un cliente.
transfers-page-col-transfer = Trasferimento
transfers-page-col-submitted = Inviato
transfers-page-col-from = Da
transfers-page-col-to = A
transfers-page-col-pcs = PC
transfers-page-col-state = Stato
transfers-page-col-transferred = Trasferiti
transfers-page-col-failed = Non riusciti
transfers-page-col-summary = Riepilogo
transfers-page-download-summary-of = Scarica il riepilogo del trasferimento { $id }

## Tutti i clienti > Dispositivi non assegnati
unassigned-lede = PC segnalati a HP come rivenduti dalla tua organizzazione e non ancora presenti nella dashboard di un cliente.
unassigned-clear-filters = Rimuovi tutti i filtri, in modo che l'elenco completo sia visibile, prima di esportare o copiare i numeri di serie.
unassigned-missing = Mancano alcuni PC rivenduti?
# Un link; seguito da unassigned-missing-serials.
unassigned-create-case = Crea una richiesta di supporto
unassigned-missing-serials = indicandone i numeri di serie.
unassigned-support-subject = Alcuni PC rivenduti non compaiono in Dispositivi non assegnati

## L'avviso mostrato finché la configurazione del partner non è completa
setup-notice-title = La sezione Dispositivi non assegnati non è disponibile
setup-notice-incomplete = La configurazione del tuo account partner non è completa: nessuno dei tuoi utenti ha completato il corso per partner HP Premium/Premium+.
setup-notice-holding-tenant = Il tenant holding, e con esso la sezione Dispositivi non assegnati, viene creato non appena uno di loro completa il corso.
# $courses: gli ID dei corsi HP University, uniti da setup-notice-followed-by.
setup-notice-resellers-course = Partner di rivendita e visualizzazione/monitoraggio: ID corso { $courses }
setup-notice-service-delivery-course = Partner di fornitura di servizi: ID corso { $courses }
setup-notice-followed-by = seguito da
# Seguito dal link setup-notice-create-case, da setup-notice-or-email e
# dall'indirizzo e-mail.
setup-notice-help = Se hai bisogno di ulteriore assistenza,
setup-notice-create-case = crea una richiesta di supporto
setup-notice-or-email = o scrivi a
setup-notice-support-subject = Manca la sezione Dispositivi non assegnati

## Il banner dell'avviso all'avvio
startup-notice-dismiss = Chiudi
# Una cella della colonna Problem di "Scarica le righe con problemi".
transfer-problem-cell = Riga { $line }: { $reason }
# Una riga con un ID cliente diverso da quello della maggior parte del file. $expected: quell'ID cliente.
transfer-row-other-customer-id = Questa riga indica un ID cliente diverso da quello del resto del file ({ $expected }): un trasferimento sposta i PC verso un solo cliente.
