app-name = Kulna Ma'ak
app-tagline = Nous sommes toutes et tous avec toi
app-version = Version { $version }
language-label = Langue
status-heading = Cet appareil
status-loading = Vérification…
status-storage-ready = Le stockage de cet appareil est prêt et protégé
status-storage-version = Version du stockage { $version }
home-waiting = { $count ->
    [0] Rien n'attend d'être envoyé
    [one] Un élément attend d'être envoyé
   *[other] { $count } éléments attendent d'être envoyés
}
service-reachable = Le service d'écoute est joignable
service-unreachable = Le service d'écoute est injoignable pour l'instant. Tout attend en sécurité sur cet appareil.
service-unknown = Pas encore de contact avec le service d'écoute
service-not-configured = Aucun service d'écoute n'est configuré sur cet appareil
error-storage = Le stockage de cet appareil n'a pas pu être ouvert. Rien n'a été effacé.
error-generic = Un problème est survenu. Veuillez réessayer.
