# La tabella dei dispositivi, Dispositivi > PC di un cliente, le pagine Home e i loro grafici a barre.

# $count: il numero, per il plurale; $n: lo stesso numero, formattato.
device-table-pcs = { $n } { $count ->
        [one] PC
       *[other] PC
    }
# $shown: i PC visualizzati, formattati; $total: tutti i PC, formattati; $count: tutti i PC, per il plurale.
device-table-showing = Visualizzati { $shown } di { $total } { $count ->
        [one] PC
       *[other] PC
    }
# Dopo " · " nella riga del conteggio. $count: il numero, per il plurale; $n: lo stesso numero, formattato.
device-table-selected = { $n } { $count ->
        [one] selezionato
       *[other] selezionati
    }
device-table-scope-all = Copia ed esportazione si applicano { $count ->
        [one] a
       *[other] a tutti i
    } { $n } PC { $count ->
        [one] visualizzato
       *[other] visualizzati
    }.
device-table-scope-selected = Copia ed esportazione si applicano { $count ->
        [one] a
       *[other] ai
    } { $n } PC { $count ->
        [one] selezionato
       *[other] selezionati
    }.
# $count: il numero di numeri di serie, per il plurale; $n: lo stesso, formattato.
device-table-copied = { $count ->
        [one] Numero di serie copiato
       *[other] Numeri di serie copiati
    } negli appunti: { $n }.
device-table-copy-failed = Impossibile copiare negli appunti: { $error }
# $file: il nome del file.
device-table-exported = { $count ->
        [one] Esportato
       *[other] Esportati
    } { $n } PC in { $file }.
device-table-export-failed = Impossibile esportare: { $error }
device-table-search = Cerca
device-table-search-placeholder = N. di serie, modello, cod. prodotto, utente…
device-table-all-plans = Tutti i piani
device-table-all-models = Tutti i modelli
device-table-filters-hide = I filtri nascondono alcuni PC.
device-table-clear-filters = Cancella filtri
device-table-copy-serial-numbers = Copia numeri di serie
device-table-export-csv = Esporta CSV
device-table-select-all = Seleziona tutti i PC visualizzati
# $serial: il numero di serie di un PC.
device-table-select-row = Seleziona { $serial }
device-table-no-pcs = Non ci sono PC qui.
device-table-no-match = Nessun PC corrisponde ai filtri.
device-table-serial-number = Numero di serie
device-table-model = Modello
device-table-product-number = Numero di prodotto
device-table-support-plan = Piano di assistenza
device-table-warranty-end = Fine garanzia
device-table-last-seen = Ultimo rilevamento
device-table-last-user = Ultimo utente connesso
device-table-location = Posizione

devices-title = PC
# $name: il nome del cliente.
devices-lede = Dispositivi > PC di { $name }
devices-table-label = PC di { $name }

# $partner: il nome del partner.
customer-home-lede = Home · gestito da { $partner }
customer-home-pcs = PC
customer-home-chart-title = PC per piano di assistenza
customer-home-see-all = { $count ->
        [one] Visualizza
       *[other] Visualizza tutti i
    } { $n } PC

portfolio-title = Home
# $partner: il nome del partner; $kind: il suo tipo di partner.
portfolio-lede = { $partner } · Partner di { $kind }
portfolio-customers = Clienti
portfolio-pcs-in-dashboards = PC nelle dashboard dei clienti
portfolio-unassigned-pcs = PC non assegnati
portfolio-not-available = Non disponibile
portfolio-chart-title = PC per cliente

# Il nome accessibile del grafico: il titolo, poi "etichetta: valore" per ogni barra, separati da "; ".
bar-chart-description = { $title }: { $values }
bar-chart-value = { $label }: { $value }
