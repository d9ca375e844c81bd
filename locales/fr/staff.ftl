## The staff side: sign-in, queue, cases, intake, supervisor views.

staff-entry = Connexion du personnel
staff-heading = Écoutantes et travailleuses de terrain
staff-back-home = Retour à l'application
staff-sign-in-heading = Se connecter au service d'écoute
staff-sign-in-hint = Pour les écoutantes, travailleuses de terrain et superviseures qui ont un compte. L'application doit être déverrouillée avec son code.
staff-username = Nom d'utilisateur
staff-password = Mot de passe
staff-sign-in = Se connecter
staff-sign-out = Se déconnecter
staff-signed-out = Vous êtes déconnectée.
staff-session-ended = Votre session a pris fin (elle a expiré ou a été fermée). Veuillez vous reconnecter.
staff-role-listener = Écoutante
staff-role-field_worker = Travailleuse de terrain
staff-role-supervisor = Superviseure
staff-role-admin = Administratrice
staff-scope-national = toutes les régions
staff-scope-region = région :
staff-scope-center = centre :
staff-tab-queue = File d'attente
staff-tab-audit = Journal d'audit
staff-tab-stats = Statistiques

staff-error-wrong-credentials = Nom d'utilisateur ou mot de passe incorrect.
staff-error-forbidden = Votre compte n'est pas autorisé à faire cela.
staff-error-not-found = Ce dossier n'existe pas ou n'appartient pas à votre centre ou à votre région.
staff-error-invalid = Une information manque ou n'est pas acceptée. Vérifiez les champs et réessayez.
staff-error-refused = Le service a refusé : le dossier a changé entre-temps. Rouvrez-le.
staff-error-wait = Trop de tentatives. Attendez un moment puis réessayez.
staff-error-network = Le service est injoignable. Vérifiez la connexion et réessayez.
staff-error-locked = Déverrouillez d'abord l'application avec son code (sur l'écran d'accueil).
staff-error-other = Un problème est survenu. Réessayez.

staff-queue-heading = File d'attente
staff-queue-count = { $count ->
    [0] Rien dans la file
    [one] 1 dossier
   *[other] { $count } dossiers
}
staff-filter-status = Statut
staff-filter-open = Dossiers ouverts
staff-filter-kind = Type
staff-filter-all = Tous les types
staff-status-new = Nouveau
staff-status-acknowledged = Pris en charge
staff-status-referred = Orienté
staff-status-closed = Clôturé
staff-kind-alert = Alerte
staff-kind-report = Signalement
staff-kind-intake = Accueil au centre
staff-kind-support_request = Demande d'accompagnement
staff-minutes-ago = { $count ->
    [0] à l'instant
    [one] il y a 1 minute
   *[other] il y a { $count } minutes
}
staff-hours-ago = { $count ->
    [one] il y a 1 heure
   *[other] il y a { $count } heures
}
staff-days-ago = { $count ->
    [one] il y a 1 jour
   *[other] il y a { $count } jours
}
staff-region-none = Région non indiquée
staff-acknowledge = Prendre en charge
staff-open-case = Ouvrir

staff-back-to-queue = Retour à la file
staff-received = Reçu le
staff-what-she-sent = Ce qu'elle a envoyé
staff-voice-note = Son message vocal
staff-unreadable = Ce dossier n'a pas pu être lu.
staff-her-language = Écrit en :
staff-violence = Formes de violence
staff-happened = Quand
staff-place = Où
staff-in-danger = Quelqu'un en danger maintenant
staff-children = Enfants en danger
staff-perpetrator = Auteur
staff-topic = Aide demandée
staff-yes = oui
staff-no = non
staff-not-said = non précisé
staff-consents = Ses consentements
staff-consent-services = Recevoir des services
staff-consent-referral = Être orientée
staff-consent-any-service = vers tout service
staff-consent-contact = Être contactée
staff-consent-statistics = Être comptée dans des statistiques anonymes
staff-no-contact = Elle n'a pas accepté d'être contactée : ne l'appelez pas.
staff-call-back = La rappeler
staff-call = Appeler
staff-no-phone = Elle n'a pas donné de numéro.
staff-safe-times = Moments sûrs pour appeler :

staff-refer = Orienter
staff-refer-to = Orienter vers
staff-refer-listing = Organisme (de l’annuaire)
staff-refer-listing-none = Sans organisme précis
staff-refer-message = Court message pour son téléphone (facultatif)
staff-choose = Choisir
staff-destination-prosecutor = Parquet (cellule de prise en charge des femmes)
staff-destination-police = Police (DGSN)
staff-destination-gendarmerie = Gendarmerie royale
staff-destination-health = Service de santé
staff-destination-shelter = Centre d'hébergement
staff-destination-legal_aid = Aide juridique
staff-destination-association = Association
staff-destination-training_employment = Organisme de formation ou d'emploi
staff-refer-no-consent = Elle n'a pas accepté d'être orientée vers ce service. Seule une superviseure peut passer outre, avec un motif.
staff-refer-no-consent-supervisor = Elle n'a pas accepté d'être orientée vers ce service. Pour orienter quand même, écrivez le motif ; il est inscrit au journal d'audit.
staff-override-reason = Motif pour passer outre son choix
staff-refer-submit = Orienter
staff-referrals = Orientations
staff-referral-in_progress = En cours
staff-referral-accepted = Acceptée
staff-referral-rejected = Refusée
staff-referral-revoked = Annulée
staff-referral-done = Terminée
staff-referral-accept = Acceptée
staff-referral-mark-done = Terminée
staff-referral-reject = Refusée
staff-referral-revoke = Annuler
staff-reason = Motif (en cas d'échec)
staff-reason-refused_services = Elle a refusé les services
staff-reason-no_capacity = Pas de place
staff-reason-no_longer_needed = Plus nécessaire
staff-reason-unable_to_contact_her = Impossible de la joindre
staff-reason-unable_to_contact_service = Impossible de joindre le service
staff-reason-other = Autre
staff-overridden = sans son consentement (décision d'une superviseure)

staff-note = Note pour l'équipe
staff-note-add = Ajouter la note
staff-message = Message vers son téléphone
staff-message-hint = Elle ne le voit qu'en ouvrant l'application avec son code. N'écrivez rien qui la mettrait en danger si quelqu'un d'autre le lisait.
staff-message-send = Envoyer le message
staff-close-case = Clôturer le dossier
staff-history = Historique
staff-event-received = reçu par le service
staff-event-acknowledge = pris en charge
staff-event-assign = confié à un centre
staff-event-refer = orienté
staff-event-referral_update = orientation mise à jour
staff-event-note = note
staff-event-message = message envoyé
staff-event-close = clôturé
staff-done-acknowledged = Pris en charge. Son téléphone l'affichera.
staff-done-referred = Orienté.
staff-done-referral = Orientation mise à jour.
staff-done-note = Note ajoutée.
staff-done-message = Message envoyé.
staff-done-closed = Dossier clôturé.

staff-audit-heading = Journal d'audit
staff-audit-hint = Qui a ouvert ou traité quel dossier, du plus récent au plus ancien.
staff-audit-when = Quand
staff-audit-who = Qui
staff-audit-what = Quoi
staff-audit-case = Dossier
staff-audit-action-case_read = a ouvert le dossier
staff-audit-action-acknowledge = a pris en charge
staff-audit-action-assign = a confié à un centre
staff-audit-action-refer = a orienté
staff-audit-action-consent_override = est passée outre son consentement
staff-audit-action-referral_update = a mis à jour une orientation
staff-audit-action-note = a ajouté une note
staff-audit-action-message = a envoyé un message
staff-audit-action-close = a clôturé
staff-audit-action-device_link = a rattaché un appareil à un centre
staff-audit-action-stats_read = a consulté les statistiques

staff-stats-heading = Statistiques
staff-stats-hint = Seulement les dossiers dont l'autrice a accepté d'être comptée. Les nombres inférieurs à 5 sont masqués et affichés « <5 ».
staff-stats-by-month = Dossiers par mois
staff-stats-by-region = Dossiers par région
staff-stats-map-note = Carte schématique : chaque carré est une région, le nord en haut ; plus c'est foncé, plus il y a de dossiers.
staff-stats-month = Mois
staff-stats-region = Région
staff-stats-type = Type
staff-stats-count = Nombre
staff-stats-all-cells = Toutes les cases (région, mois, type)
staff-incident-rape = Viol
staff-incident-sexual_assault = Agression sexuelle
staff-incident-physical_assault = Agression physique
staff-incident-forced_marriage = Mariage forcé
staff-incident-denial_of_resources = Privation de ressources
staff-incident-psychological_abuse = Violence psychologique
staff-incident-digital_violence = Violence numérique
staff-incident-not_gbv = Pas une violence fondée sur le genre
staff-incident-unspecified = Non précisé

staff-tab-intake = Accueil au centre
staff-intake-heading = Accueil au centre
staff-intake-hint = Pour une femme venue au centre. Remplissez-le avec elle, avec les consentements qu'elle donne. Il est enregistré tout de suite, scellé, et envoyé à la file de votre centre dès qu'il y a une connexion.
staff-intake-kind = Type
staff-intake-text = Ce qu'elle dit, avec ses mots
staff-intake-submit = Enregistrer l'accueil
staff-intake-saved = Enregistré et scellé. Il sera envoyé à la file du centre dès qu'il y aura une connexion.
