# Support: create a support case, and the user's cases.
support-title = Support
support-lede = Create a support case for HP support, or email
support-create-title = Create support case
support-subject = Subject
support-description = Description
support-serials-one-per-line = Serial numbers (one per line)
support-create-button = Create support case
support-case-created = Support case { $id } was created. HP support will contact you.
support-your-cases = Your support cases
support-no-cases = No support cases yet.
support-cases = Support cases
support-column-case = Case
support-column-opened = Opened
support-column-subject = Subject
support-column-serial-numbers = Serial numbers
support-column-state = State
