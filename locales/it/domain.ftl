# Valori ed errori del dominio (src/i18n/messages.rs).
role-partner-admin = Amministratore partner
role-it-admin = Amministratore IT
partner-kind-resell = Rivendita e visualizzazione/monitoraggio
partner-kind-service-delivery = Fornitura di servizi
alert-kind-battery = Sostituzione della batteria consigliata
alert-kind-hard-drive = Guasto del disco rigido previsto
alert-kind-fan = Guasto della ventola rilevato
alert-kind-memory = Errori di memoria rilevati
job-state-queued = In coda
job-state-running = In corso
job-state-completed = Completato
demo-size-standard = Standard (circa 3.500 PC)
demo-size-large = Grande (100.000 PC non assegnati)
