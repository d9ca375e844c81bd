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
panic-button = Alerte
panic-button-label = Bouton d'alerte : appuyez 2 secondes sans relâcher pour envoyer une alerte
panic-hold-hint = Appuyez 2 secondes sans relâcher
panic-countdown = { $count ->
    [one] Envoi de l'alerte dans { $count } seconde
   *[other] Envoi de l'alerte dans { $count } secondes
}
panic-cancel = Annuler
panic-sending = Enregistrement de l'alerte…
panic-saved = Alerte enregistrée sur ce téléphone. Elle part dès qu'il y a une connexion.
panic-failed = L'alerte n'a pas pu être enregistrée. Appelez le 19 (police) ou le 8350.
pin-setup-heading = Protégez cette application par un code
pin-setup-hint = Sans votre code, personne ne peut lire ce que vous écrivez ici. Le bouton d'alerte fonctionne même quand l'application est verrouillée.
pin-label = Code
pin-again-label = Le même code, une seconde fois
pin-save = Enregistrer le code
pin-too-short = Un code a au moins 4 caractères
pin-mismatch = Les deux codes ne sont pas identiques
unlock-heading = Entrez votre code
unlock-button = Ouvrir
wrong-pin = Code incorrect
pin-wait = { $count ->
    [one] Trop d'essais. Attendez { $count } seconde.
   *[other] Trop d'essais. Attendez { $count } secondes.
}
lock-heading = L'application est ouverte
lock-button = Verrouiller maintenant
quick-exit = Sortir
quick-exit-label = Sortie rapide : cacher l'application tout de suite (touche Échap)
disguise-toggle = Ouvrir l'application comme une calculatrice
disguise-hint = Pour revenir depuis la calculatrice, tapez votre code puis =
