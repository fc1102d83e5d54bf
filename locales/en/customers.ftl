# All Customers > Customers and the form that creates a customer dashboard.
customers-title = Customers
customers-name = Name
customers-customer-id = Customer ID
customers-country = Country
customers-pcs = PCs

create-customer-title = Create customer dashboard
create-customer-name = Customer name
create-customer-country = Country
create-customer-admin-email = Admin e-mail
create-customer-create = Create
# Followed by the new Customer ID. $name: the customer's name.
create-customer-created = { $name } was created with Customer ID
create-customer-open-account = Open its Account
