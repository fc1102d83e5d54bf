# Tutti i clienti > Clienti e il modulo che crea la dashboard di un cliente.
customers-title = Clienti
customers-name = Nome
customers-customer-id = ID cliente
customers-country = Paese
customers-pcs = PC

create-customer-title = Crea dashboard del cliente
create-customer-name = Nome cliente
create-customer-country = Paese
create-customer-admin-email = E-mail dell'amministratore
create-customer-create = Crea
# Seguito dal nuovo ID cliente. $name: il nome del cliente.
create-customer-created = { $name } è stato creato con l'ID cliente
create-customer-open-account = Apri il relativo Account
