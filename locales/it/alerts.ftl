# Tutti i clienti > Avvisi, il pop-up dell'utente finale e Richieste di riparazione.
alerts-title = Avvisi
alerts-lede = Gli avvisi sui PC in Dispositivi non assegnati vengono inviati all'utente finale del PC come pop-up; l'utente finale fa clic su Visualizza per inviare la richiesta di riparazione. Nella dashboard di un cliente il pop-up compare solo se gli avvisi self-service del cliente sono attivi.
alerts-simulate-title = Simula avviso
alerts-field-serial-number = Numero di serie
alerts-field-alert = Avviso
alerts-simulate-button = Simula avviso
alerts-raised-admins-only = Avviso { $id } generato sul PC { $serial }. Gli avvisi self-service di { $customer } sono disattivati: nessun pop-up ha raggiunto l'utente finale.
alerts-raised-pop-up = Avviso { $id } generato sul PC { $serial }: l'utente finale vede il pop-up qui sotto.
alerts-column-alert = Avviso
alerts-column-raised = Generato il
alerts-column-serial-number = Numero di serie
alerts-column-where = Posizione
alerts-column-what = Problema
alerts-column-end-user = Utente finale
alerts-column-repair = Riparazione
alerts-delivery-pop-up = Pop-up
alerts-delivery-admins-only = Nessun pop-up (avvisi self-service disattivati)
alerts-show-pop-up = Mostra pop-up
alerts-show-pop-up-label = Mostra il pop-up per l'utente finale dell'avviso { $id }

# Ciò che vede l'utente finale del PC.
popup-label = Pop-up per l'utente finale sul PC { $serial }
popup-caption-before = Sul PC
popup-caption-after = , l'utente finale vede:
popup-title = Assistenza HP
popup-text = { $alert }. HP può riparare questo PC per te.
popup-view = Visualizza
popup-sent-to-hp-support = Richiesta di riparazione inviata all'assistenza clienti HP, che provvederà a programmare la riparazione.
popup-sent-to-partner = Richiesta di riparazione inviata al tuo account CSDP: programma la riparazione nella pagina Richieste di riparazione.

# Tutti i clienti > Richieste di riparazione (partner Service Delivery).
repair-requests-title = Richieste di riparazione
repair-requests-lede = Le riparazioni richieste dagli utenti finali tramite il pop-up di avviso sui PC in Dispositivi non assegnati arrivano al tuo account CSDP. Programma ciascuna riparazione.
repair-requests-none = Nessuna richiesta di riparazione.
repair-requests-column-state = Stato
repair-requests-column-schedule = Programmazione
repair-requests-day-label = Giorno della riparazione per l'avviso { $id }
repair-requests-schedule = Programma
