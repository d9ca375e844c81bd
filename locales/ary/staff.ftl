## The staff side: sign-in, queue, cases, intake, supervisor views.
