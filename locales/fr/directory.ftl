## L'annuaire : les opportunités et les services près d'elle.

directory-open = Emplois, formations et services près de vous
directory-heading = Emplois, formations et services
directory-close = Retour
directory-offline = Fonctionne sans internet : les annonces sont gardées sur ce téléphone. La recherche ne demande pas de code.
directory-never = L'annuaire n'est pas encore sur ce téléphone. Il arrive à la prochaine connexion au service.
directory-receiving = Réception de l'annuaire : { $percent } %
directory-receiving-started = Réception de l'annuaire…
directory-saving = Enregistrement de l'annuaire sur ce téléphone…
directory-updated = { $count ->
    [0] Mis à jour aujourd'hui.
    [one] Mis à jour il y a 1 jour.
   *[other] Mis à jour il y a { $count } jours.
}
directory-count = { $count ->
    [0] Aucune annonce.
    [one] 1 annonce.
   *[other] { $count } annonces.
}
directory-refresh = Chercher une mise à jour
directory-tab-search = Recherche
directory-tab-saved = Enregistrées
directory-search-label = Rechercher (un mot, une ville, un programme)
directory-search-placeholder = ex. formation, couture, Fès
directory-kind-label = Afficher
directory-kind-all = Tout
directory-kind-opportunity = Emploi et formation
directory-kind-service = Services d'aide
directory-category-label = Catégorie
directory-category-all = Toutes les catégories
directory-category-job = Emplois
directory-category-training = Formations
directory-category-vocational_training = Formation professionnelle
directory-category-business_creation = Création d'entreprise
directory-category-income_generating = Activités génératrices de revenus
directory-category-financing = Financement
directory-category-programme = Programmes nationaux
directory-category-emergency = Numéros d'urgence
directory-category-listening_center = Centres d'écoute
directory-category-care_cell = Cellules de prise en charge des femmes (parquet)
directory-category-police = Police
directory-category-gendarmerie = Gendarmerie royale
directory-category-health = Santé
directory-category-shelter = Hébergement
directory-category-legal_aid = Aide juridique
directory-category-association = Associations
directory-region-label = Région
directory-region-all = Toutes les régions
directory-loading = Recherche…
directory-results = { $count ->
    [0] Aucun résultat
    [one] 1 annonce trouvée
   *[other] { $count } annonces trouvées
}
directory-empty = Rien ne correspond. Essayez d'autres mots, ou effacez les filtres.
directory-empty-never = Il n'y a pas encore d'annonces sur ce téléphone. Connectez-vous une fois à internet pour les recevoir.
directory-clear = Effacer les filtres
directory-error = L'annuaire n'a pas pu être lu sur ce téléphone.
directory-not-found = Cette annonce n'est plus dans l'annuaire.
directory-sample = Exemple : ce n'est pas une vraie annonce
directory-national = Tout le Maroc
directory-deadline = Candidater avant le { $date }
directory-closed = La date limite est passée
directory-back-list = Retour à la liste
directory-about = En bref
directory-eligibility = Qui peut candidater
directory-women-only = Pour les femmes
directory-age-min = À partir de { $count } ans
directory-age-max = Jusqu'à { $count } ans
directory-schooling = Scolarité :
directory-how-to-apply = Comment candidater
directory-cost = Coût
directory-free = Gratuit
directory-not-free = Payant
directory-dates = Dates
directory-starts = Début le { $date }
directory-hours = Horaires
directory-languages = Langues parlées
directory-contact = Contact
directory-call = Appeler
directory-address = Adresse :
directory-open-map = Ouvrir l’adresse sur la carte
directory-source = Source :
directory-verified = Vérifié le { $date }
directory-ask = Demander à une écoutante
directory-ask-text = J'aimerais en savoir plus sur : { $title }
directory-ask-sent = Votre question est enregistrée et sera envoyée à une écoutante dès qu'il y aura une connexion.
directory-save = Enregistrer
directory-unsave = Retirer des enregistrées
directory-saved-ok = Enregistrée sur ce téléphone, protégée par votre code.
directory-unsaved-ok = Retirée de vos annonces enregistrées.
directory-save-locked = Pour enregistrer des annonces, choisissez un code sur l'écran d'accueil et ouvrez l'application avec.
directory-saved-none = Vous n'avez encore enregistré aucune annonce.
directory-saved-locked = Vos annonces enregistrées s'affichent quand l'application est ouverte avec votre code.
