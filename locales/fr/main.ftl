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
report-open = Signaler une violence
report-heading = Raconter ce qui s'est passé
report-saved = Enregistré sur ce téléphone, chiffré
report-violence = Quel type de violence ? Vous pouvez en choisir plusieurs.
violence-physical = Physique
violence-sexual = Sexuelle
violence-psychological = Psychologique (menaces, insultes, harcèlement)
violence-economic = Économique (argent, travail ou papiers confisqués)
violence-digital = Numérique (photos, messages, harcèlement en ligne)
report-when = Quand est-ce arrivé ?
report-region = Région
report-region-none = Choisissez une région
report-place = Ville ou lieu (facultatif)
report-danger = Quelqu'un est en danger maintenant
report-children = Des enfants sont en danger
report-relation = Qui vous a fait cela ?
relation-none = Choisissez
relation-partner = Mari ou partenaire
relation-former_partner = Ancien mari ou partenaire
relation-family = Quelqu'un de la famille
relation-acquaintance = Quelqu'un que je connais
relation-work = Employeur ou collègue
relation-stranger = Un inconnu
relation-not_said = Je préfère ne pas le dire
report-text = Ce qui s'est passé, avec vos mots
voice-heading = Ou dites-le dans un message vocal
voice-record = Enregistrer un message vocal
voice-starting = Le micro s'allume…
voice-stop = Arrêter et garder
voice-saving = Votre message vocal est mis en sûreté…
voice-saved = Votre message vocal ({ $length }) est gardé avec ce signalement, verrouillé sur ce téléphone.
voice-listen = L'écouter
voice-delete = Supprimer le message vocal
voice-unsupported = L'enregistrement n'est pas possible sur ce téléphone. Vous pouvez écrire à la place.
voice-no-microphone = Le micro n'a pas pu être utilisé. Vous pouvez écrire à la place.
voice-failed = Le message vocal n'a pas pu être gardé. Réessayez.
consent-contact = Une écoutante peut me contacter
report-phone = Numéro à appeler
report-safe-times = Quand peut-on vous appeler sans danger ?
consent-referral = J'accepte d'être orientée vers un service qui peut m'aider
refer-prosecutor = Cellule de prise en charge des femmes du parquet
refer-police = Police
refer-gendarmerie = Gendarmerie royale
refer-health = Unité de santé
refer-shelter = Centre d'hébergement
refer-legal_aid = Aide juridique
refer-association = Association
consent-statistics = Ce que j'envoie peut être compté dans des statistiques anonymes
report-submit = Envoyer le signalement
report-close = Enregistrer et fermer
report-discard = Supprimer ce signalement
report-sent = Votre signalement est enregistré et partira dès qu'il y aura une connexion.
resume-heading = Reprendre votre signalement ?
resume-continue = Reprendre
resume-discard = Le supprimer
region-01 = Tanger-Tétouan-Al Hoceïma
region-02 = L'Oriental
region-03 = Fès-Meknès
region-04 = Rabat-Salé-Kénitra
region-05 = Béni Mellal-Khénifra
region-06 = Casablanca-Settat
region-07 = Marrakech-Safi
region-08 = Drâa-Tafilalet
region-09 = Souss-Massa
region-10 = Guelmim-Oued Noun
region-11 = Laâyoune-Sakia El Hamra
region-12 = Dakhla-Oued Ed-Dahab
send-now = Envoyer maintenant
sync-last-contact = { $count ->
    [0] Dernier contact avec le service : à l'instant
    [one] Dernier contact avec le service : il y a { $count } minute
   *[other] Dernier contact avec le service : il y a { $count } minutes
}
sync-never = Pas encore de contact avec le service
sync-upload = Envoi d'un gros élément (un message vocal) : { $percent } %
sync-problem-not_configured = Aucun service n'est configuré sur cet appareil.
sync-problem-no_connection = Pas de connexion. Tout attend en sécurité sur ce téléphone et partira au retour de la connexion.
sync-problem-service_unreachable = Le service ne répond pas pour l'instant. Nous réessayons.
sync-problem-service_busy = Le service est occupé. Nous réessayons bientôt.
sync-problem-item_refused = Le service a refusé un élément ; il reste sur ce téléphone. Tout le reste est envoyé.
sync-problem-service_key_changed = Le service présente une autre clé. Rien n'est envoyé avant vérification. Appelez le 8350.
sync-problem-device_refused = Le service n'accepte pas ce téléphone. Appelez le 8350 pour de l'aide.
sync-problem-directory_refused = Une mise à jour de l'annuaire n'était pas authentique et a été écartée. Votre annuaire est conservé.
sync-problem-incompatible = Cette application ne peut pas dialoguer avec ce service. Mettez-la à jour ou vérifiez l'adresse du service.
sync-problem-storage = Le stockage de ce téléphone a échoué ; il est peut-être plein.
safety-heading = Sécurité
change-pin-heading = Changer votre code
pin-current-label = Votre code actuel
change-pin-button = Changer le code
pin-changed = Votre code est changé
duress-heading = Code de contrainte
duress-hint = Un second code pour le cas où quelqu'un vous force à ouvrir l'application : il ouvre une application vide qui a l'air normale.
duress-wipe-toggle = Effacer aussi tout quand ce code est utilisé
duress-save = Enregistrer le code de contrainte
duress-saved = Code de contrainte enregistré
wipe-heading = Tout effacer
wipe-hint = Supprime tout ce que l'application garde sur ce téléphone. C'est définitif.
wipe-button = Tout effacer
wipe-countdown = { $count ->
    [one] Effacement dans { $count } seconde
   *[other] Effacement dans { $count } secondes
}
support-open = Aide pour un emploi, une formation ou un projet
support-heading = Demander de l'aide pour un emploi, une formation ou un projet
support-topic = Pour quoi avez-vous besoin d'aide ?
topic-job = Trouver un emploi
topic-training = Une formation
topic-vocational_training = Une formation professionnelle
topic-business = Créer une entreprise
topic-income_generating_project = Un projet générateur de revenus
topic-other = Autre chose
support-age = Votre âge
age-under_18 = Moins de 18 ans
age-18_24 = 18 à 24 ans
age-25_34 = 25 à 34 ans
age-35_49 = 35 à 49 ans
age-50_plus = 50 ans ou plus
support-schooling = Scolarité
schooling-none = Pas de scolarité
schooling-primary = École primaire
schooling-secondary = Collège ou lycée
schooling-vocational = Formation professionnelle
schooling-university = Université
support-text = Que savez-vous faire, et que voudriez-vous faire ?
support-submit = Envoyer la demande
support-sent = Votre demande est enregistrée et partira dès qu'il y aura une connexion.
cases-heading = Mes signalements et demandes
cases-none = Rien d'envoyé pour l'instant
case-kind-alert = Alerte
case-kind-report = Signalement
case-kind-support_request = Demande d'aide pour un emploi ou une formation
case-kind-intake = Accueil dans un centre
case-status-waiting = En attente d'envoi
case-status-sent = Envoyé
case-status-acknowledged = Reçu par une écoutante
case-status-referred = Orienté vers un service
case-status-closed = Clôturé
case-message = Message de l'écoutante :
call-heading = Appeler maintenant
call-line = Ligne d'écoute des femmes
call-police = Police
call-gendarmerie = Gendarmerie royale
call-civil = Protection civile (pompiers, ambulance)

## Alert progress, first run, settings
panic-sent = Alerte envoyée à la ligne des femmes. En attente d'une écoutante…
panic-received = Une écoutante a reçu votre alerte. Restez en sécurité ; elle va agir.
panic-refused = La ligne n'a pas pu accepter cette alerte. Appelez tout de suite le 19 (police) ou le 8350.
panic-step-saved = Enregistrée
panic-step-sent = Envoyée
panic-step-received = Reçue
first-run-language = Choisissez votre langue
first-run-about-heading = Ce que fait cette application
first-run-about-alert = Le bouton Aide envoie une alerte à la ligne des femmes, même quand l'application est verrouillée. Maintenez-le 2 secondes.
first-run-about-report = Vous pouvez signaler toute forme de violence et dire qui peut être informé.
first-run-about-support = Vous pouvez demander de l'aide pour un emploi, une formation ou un projet, et trouver les offres près de chez vous.
first-run-about-stored = Ce que vous écrivez reste sur ce téléphone, verrouillé par votre code. Il n'est envoyé qu'à la ligne des femmes, scellé pour que personne d'autre ne puisse le lire.
first-run-about-offline = Elle fonctionne sans internet : ce que vous envoyez attend ici et part dès qu'il y a une connexion.
first-run-about-exit = Le bouton Sortir, ou la touche Échap, cache aussitôt l'application derrière une calculatrice.
first-run-next = Suivant
first-run-skip = Passer, aller à l'application
first-run-region-heading = Votre région
first-run-region-why = Votre région accompagne une alerte quand cet appareil ne sait pas où vous êtes, et montre les offres près de chez vous.
first-run-pin-why = Choisissez un code pour que personne d'autre ne puisse lire ce que vous écrivez. Vous pouvez aussi le faire plus tard.
settings-heading = Réglages
settings-region = Votre région
settings-text-size = Taille du texte
settings-text-size-normal = Normale
settings-text-size-large = Grande
settings-text-size-larger = Très grande
settings-auto-lock = Verrouiller l'application après
settings-auto-lock-never = Jamais
settings-auto-lock-minutes = { $count ->
    [one] { $count } minute sans utilisation
   *[other] { $count } minutes sans utilisation
}
settings-saved = Enregistré.
settings-service = Adresse du service (équipes de terrain)
settings-service-hint = Ne la changez que si votre centre vous donne une adresse. Ce qui n’est pas encore envoyé doit l’être d’abord ; les signalements déjà envoyés restent à l’ancien service.
settings-service-address = Adresse
settings-service-save = Se connecter
settings-service-connecting = Connexion…
settings-service-saved = Connecté. L’application utilise maintenant cette adresse.
settings-service-invalid = Cette adresse ne peut pas être utilisée. Elle doit commencer par https://.
settings-service-waiting = Des éléments attendent encore d’être envoyés. Envoyez-les d’abord, puis changez l’adresse.
settings-service-unreachable = Cette adresse n’a pas répondu. Rien n’a été changé.
settings-service-refused = Cette adresse n’est pas un service Kulna. Rien n’a été changé.
settings-service-failed = Cela n’a pas marché. Rien n’a été changé.
unlock-opening = Ouverture… cela prend un instant.
panic-sms = Envoyer un SMS à mes contacts de confiance
panic-sms-body = J'ai besoin d'aide. Appelle-moi ou viens, s'il te plaît. Je suis dans la région { $region }.
panic-sms-body-no-region = J'ai besoin d'aide. Appelle-moi ou viens, s'il te plaît.
contacts-heading = Contacts de confiance
contacts-hint = Jusqu'à trois personnes à qui l'écran d'aide propose d'envoyer un SMS. Gardées sous votre code.
contacts-number = Numéro de téléphone
contacts-save = Enregistrer les contacts
contacts-saved = Contacts enregistrés.
contacts-bad-number = L'un d'eux n'est pas un numéro de téléphone (trois numéros au plus).
settings-about = À propos de l'application et de votre vie privée

# Her screens besides home
nav-label = Pages de l’application
nav-cases = Mes signalements et demandes
nav-safety = Sécurité
nav-settings = Réglages
nav-back = Retour à l’accueil
