# Assistenza: creare una richiesta di supporto e le richieste dell'utente.
support-title = Assistenza
support-lede = Crea una richiesta di supporto per l'assistenza HP oppure scrivi a
support-create-title = Crea richiesta di supporto
support-subject = Oggetto
support-description = Descrizione
support-serials-one-per-line = Numeri di serie (uno per riga)
support-create-button = Crea richiesta di supporto
support-case-created = La richiesta di supporto { $id } è stata creata. L'assistenza HP ti contatterà.
support-your-cases = Le tue richieste di supporto
support-no-cases = Non ci sono ancora richieste di supporto.
support-cases = Richieste di supporto
support-column-case = Richiesta
support-column-opened = Aperta il
support-column-subject = Oggetto
support-column-serial-numbers = Numeri di serie
support-column-state = Stato
