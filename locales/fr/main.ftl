## clusterbot — Français
## Les clés sont regroupées par fonction. Chaque clé existe dans chaque langue, avec les mêmes variables.

## Mots qu’un déploiement peut choisir : remplacez ces termes dans LOCALES_DIR/fr/*.ftl
## (ex. -cooperative = association). `number` : "one" ou "other" ; `cap` : "yes" en début de phrase.
-cluster = { $number ->
       *[one] { $cap ->
            [yes] Cluster
           *[no] cluster
        }
        [other] { $cap ->
            [yes] Clusters
           *[no] clusters
        }
    }
-cooperative = { $number ->
       *[one] { $cap ->
            [yes] Coopérative
           *[no] coopérative
        }
        [other] { $cap ->
            [yes] Coopératives
           *[no] coopératives
        }
    }
-cda = CDA
-cda-long = { $number ->
       *[one] agent de développement du cluster
        [other] agents de développement du cluster
    }
-joint-action = { $number ->
       *[one] { $cap ->
            [yes] Action commune
           *[no] action commune
        }
        [other] { $cap ->
            [yes] Actions communes
           *[no] actions communes
        }
    }
-commission = Commission du cluster

## Adhésion (/start)
start-no-code = 👋 Bonjour ! Je recueille les nouvelles du terrain pour les réseaux de { -cluster(number: "other") } : avancement des { -joint-action(number: "other") }, petits questionnaires et rappels de réunions.
    Pour nous rejoindre, demandez un lien d’invitation à votre { -cda-long } ({ -cda }), puis ouvrez-le.
start-invalid-code = ❌ Ce code d’invitation n’est pas valable. Vérifiez le lien, ou demandez-en un nouveau à votre { -cda }.
start-expired = ⌛ Cette invitation a expiré. Demandez-en une nouvelle à votre { -cda }.
start-used-up = 🚫 Cette invitation a déjà été utilisée autant de fois que prévu. Demandez-en une nouvelle à votre { -cda }.
start-already-member = ℹ️ Vous êtes déjà membre de { $cluster }.
start-added-cluster = 🤝 Vous faites maintenant aussi partie de { $cluster }, en tant que { $role }.
start-too-many = ⏳ Trop de codes erronés. Attendez { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    } avant de réessayer, ou demandez un nouveau lien à votre { -cda }.

## Inscription
onboarding-welcome = 👋 Bienvenue ! Voici votre invitation à rejoindre { $cluster }.
lang-choose = 🌐 Choisissez votre langue :
consent-ask = 🔒 Pour participer à { $cluster }, je vais enregistrer votre nom, votre langue, si vous êtes une femme ou un homme (si vous le dites), votre { -cooperative } et vos réponses. Votre { -cda-long } s’en sert pour suivre le travail du { -cluster }. Vous pouvez les voir avec /mydata et les effacer avec /forget à tout moment.
btn-agree = ✅ J’accepte
btn-decline = ✋ Non, merci
consent-declined = 👌 C’est compris. Rien sur vous n’a été enregistré. Si vous changez d’avis, ouvrez à nouveau le lien d’invitation.
name-ask = ✍️ Comment vous appelez-vous ? Appuyez sur le bouton si le nom est juste, ou écrivez votre nom.
name-ask-type = ✍️ Comment vous appelez-vous ? Écrivez votre nom, s’il vous plaît.
name-invalid = ✍️ Écrivez votre nom avec des lettres, 64 caractères au maximum, s’il vous plaît.
reask-name = ✍️ Écrivez votre nom en texte, ou appuyez sur le bouton avec votre nom, s’il vous plaît.
gender-ask = 👤 Êtes-vous une femme ou un homme ? Cela aide le { -cluster } à voir comment les femmes participent. Vous pouvez aussi préférer ne pas le dire.
btn-woman = 👩 Femme
btn-man = 👨 Homme
btn-undisclosed = 🤐 Ne pas répondre
coop-ask = 🏠 De quelle { -cooperative } faites-vous partie ?
btn-no-coop = 🚫 Aucune
btn-back = ⬅️ Retour
reask-buttons = 👇 Appuyez sur un des boutons ci-dessous, s’il vous plaît.
onboarding-finish-first = 👇 Terminez d’abord votre inscription, s’il vous plaît.
onboarding-done = 🎉 Bienvenue, { $name } ! Vous êtes maintenant membre de { $cluster } en tant que { $role }.

## Rôles
role-producer = { $gender ->
        [woman] productrice
        [man] producteur
       *[other] membre producteur
    }
role-leader = responsable de { -cooperative }
role-cda = { -cda-long } ({ -cda })

## Menu principal et aide
menu-title = 🏠 Menu principal : que voulez-vous faire ?
btn-mydata = 👤 Mes données
btn-language = 🌐 Langue
btn-help = ❓ Aide
btn-invite = ➕ Inviter
not-understood = 🤔 Désolé, je n’ai pas compris. Voici le menu :
dialogue-lost = 🔄 Le bot a été mis à jour et a perdu le fil de notre échange. Reprenons.
lang-changed = 🌐 À partir de maintenant, je vous écrirai en français.

## Mes données
mydata-title = 👤 Ce que clusterbot enregistre sur vous :
mydata-name = Nom : { $name }
mydata-language = Langue : { $language }
mydata-gender = Sexe : { $answer }
mydata-membership = { -cluster(cap: "yes") } { $cluster } : { $role }
mydata-membership-coop = { -cluster(cap: "yes") } { $cluster } : { $role }, { $cooperative }
mydata-consent = Accord donné le { $date }
mydata-telegram = Identifiant Telegram : { $id }
mydata-forget-hint = Pour effacer vos données personnelles, envoyez /forget.
mydata-none = ℹ️ clusterbot n’enregistre rien sur vous.
gender-woman = femme
gender-man = homme
gender-undisclosed = préfère ne pas le dire
gender-unknown = non indiqué

## Effacer ses données
forget-confirm = 🗑 Effacer vos données personnelles ? Votre nom, votre compte Telegram, votre sexe et votre langue seront effacés. Vos réponses restent seulement sous forme anonyme, sans votre nom.
btn-forget-yes = 🗑 Oui, effacer
btn-forget-no = ↩️ Non, garder
forget-done = 🗑️ Vos données personnelles ont été effacées. Au revoir ! Pour revenir, demandez une nouvelle invitation à votre { -cda }.
forget-kept = 👌 Rien n’a été effacé.
forget-nothing = ℹ️ Il n’y a aucune donnée personnelle sur vous à effacer.

## Invitations créées dans la discussion (CDA)
invite-choose-role = ➕ Pour qui est l’invitation ?
btn-role-producer = 🧑‍🌾 Producteur
btn-role-leader = 👩‍💼 Responsable
btn-role-cda = 🧭 Agent { -cda }
invite-choose-cluster = 🌍 Quel { -cluster } ?
invite-choose-coop = 🏠 Quelle { -cooperative } ?
invite-created = 🔗 Invitation pour { $cluster }, en tant que { $role } :
    { $link }
    { $uses ->
        [one] Elle ne peut servir qu’une seule fois, jusqu’au { $expires }.
       *[other] Elle peut servir à { $uses } personnes, jusqu’au { $expires }.
    }
    Transférez-la à la personne, ou partagez-la dans son groupe.

## Erreurs et avis
button-expired = ⌛ Ce bouton ne fonctionne plus.
error-not-allowed = ⛔ Seuls les { -cda-long(number: "other") } ({ -cda }) peuvent faire cela.
error-generic = ⚠️ Un problème est survenu de notre côté. Réessayez dans un moment, s’il vous plaît.
error-internal = ⚠️ Un problème est survenu de notre côté. Ce que vous avez envoyé est conservé ; réessayez dans un moment, s’il vous plaît.
error-no-longer-active = ⌛ Ceci n’est plus actif.
error-not-found = 🔎 Ceci n’existe plus : il a peut-être été supprimé.
group-private-only = 💬 Parlez-moi dans une discussion privée, s’il vous plaît : appuyez sur mon nom, puis Démarrer.

## Questionnaires : répondre
form-invitation = 📋 Nouveau questionnaire : { $title }
    { $count ->
        [one] Une question.
       *[other] { $count } questions.
    } Appuyez sur Commencer quand vous le souhaitez ; vous pourrez vous arrêter et reprendre plus tard.
form-invitation-deadline = ⏳ Merci de répondre avant le { $date }.
form-nudge = ⏰ Rappel : merci de répondre au questionnaire { $title } avant le { $date }. Cela ne prend que quelques minutes.
btn-form-start = ▶️ Commencer
btn-form-continue = ▶️ Continuer
btn-form-next = ➡️ Suivant
btn-form-ok = ✅ D’accord
btn-form-done = ✔️ Terminé
btn-form-skip = ⏭ Passer
btn-form-repeat = 🔁 Répéter
btn-form-today = 📅 Aujourd’hui
btn-form-yesterday = 📅 Hier
btn-form-other = ✏️ Autre
btn-form-location = 📍 Ma position
form-hint-text = ✍️ Écrivez votre réponse, ou envoyez un message vocal 🎤.
form-hint-number = 🔢 Écrivez un nombre.
form-hint-decimal = 🔢 Écrivez un nombre, par exemple 2,5.
form-hint-date = 📅 Écrivez une date comme 25/12/2024, ou appuyez sur un bouton.
form-hint-audio = 🎤 Envoyez un message vocal.
form-hint-image = 📷 Envoyez une photo.
form-hint-geopoint = 📍 Appuyez sur le bouton ci-dessous pour envoyer votre position.
form-hint-multiple = ☑️ Appuyez sur toutes les réponses qui conviennent, puis ✔️ Terminé.
form-specify-other = ✏️ Précisez de quoi il s’agit, s’il vous plaît : écrivez-le, ou envoyez un message vocal.
form-not-a-number = 🔢 Écrivez un nombre, par exemple 12, s’il vous plaît.
form-not-whole = 🔢 Écrivez un nombre entier, sans virgule, s’il vous plaît.
form-not-a-date = 📅 Écrivez une date comme 25/12/2024, s’il vous plaît.
form-constraint-default = ⚠️ Cette réponse n’est pas possible ici. Vérifiez-la et répondez à nouveau, s’il vous plaît.
form-required = ❗ Cette question demande une réponse.
form-use-buttons = 👇 Répondez avec les boutons, s’il vous plaît.
form-voice-kept = 🎤 Merci, j’ai gardé votre message vocal. Appuyez aussi sur un des boutons, s’il vous plaît.
form-send-voice = 🎤 Envoyez un message vocal, s’il vous plaît : maintenez le bouton du micro pendant que vous parlez.
form-send-photo = 📷 Envoyez une photo, s’il vous plaît.
form-send-location = 📍 Appuyez sur le bouton pour envoyer votre position, s’il vous plaît.
form-file-too-big = ⚠️ Ce fichier est trop lourd : Telegram me laisse recevoir jusqu’à 20 Mo. Envoyez-en un plus court, s’il vous plaît.
form-finished = 🎉 Merci ! Vos réponses au questionnaire { $title } sont enregistrées.
form-closed = ⌛ Ce questionnaire est fermé.
form-already-done = 🏁 Vous avez déjà répondu à ce questionnaire. Merci !
form-none-open = 📋 Vous n’avez aucun questionnaire à remplir pour le moment.
form-open-list = 📋 Vos questionnaires :
btn-forms = 📋 Mes questionnaires

## Questionnaires : importer, lancer, résultats (CDA)
import-ok = 📥 { $title } importé : { $count ->
        [one] une question
       *[other] { $count } questions
    } ; langues : { $languages }.
import-one-language = une seule, sans nom de langue
import-texts-cut = ✂️ Certains textes étaient trop longs pour une conversation et ont été coupés (ils finissent par « … ») :
    { $texts }
import-unchanged = ℹ️ Cette version de { $title } a déjà été importée.
import-version-conflict = ⚠️ Un autre formulaire avec le même identifiant et la même version est déjà importé. Changez la version dans la feuille settings, puis renvoyez-le.
import-failed = ❌ Le formulaire n’a pas été importé. Corrigez ces problèmes, puis renvoyez-le, s’il vous plaît :
    { $problems }
import-not-xlsx = 📎 Envoyez le questionnaire sous forme de fichier XLSForm (.xlsx), s’il vous plaît.
btn-launch = 🚀 Lancer
btn-results = 📊 Résultats
launch-choose-form = 📋 Quel questionnaire ?
launch-no-forms = 📋 Il n’y a encore aucun questionnaire. Envoyez-moi un fichier XLSForm (.xlsx) pour en importer un.
launch-choose-audience = 👥 Qui doit répondre ?
btn-audience-cluster = 🌍 Tout le monde
btn-audience-leaders = 👩‍💼 Responsables
btn-audience-producers = 🧑‍🌾 Producteurs
launch-choose-deadline = ⏳ Répondre dans quel délai ?
btn-deadline-days = { $days ->
        [one] ⏳ { $days } jour
       *[other] ⏳ { $days } jours
    }
btn-deadline-none = ♾️ Sans délai
launch-sent = 🚀 Lancé : { $count ->
        [one] l’invitation part vers un membre.
       *[other] les invitations partent vers { $count } membres.
    } /results indique qui ne peut pas être joint.
launch-nobody = 🤷 Personne dans ce groupe ne peut encore être joint.
results-choose = 📊 Résultats de quel questionnaire ?
results-none = 📊 Aucun questionnaire n’a encore été lancé dans vos { -cluster(number: "other") }.
results-summary = 📊 { $title }
    Invités : { $invited } · Ont commencé : { $started } · Ont terminé : { $finished }
results-by-cooperative = 🏠 Par { -cooperative } :
results-by-gender = 👥 Par sexe :
results-line = • { $group } : { $finished ->
        [one] { $finished } a terminé
       *[other] { $finished } ont terminé
    }, { $started ->
        [one] { $started } a commencé
       *[other] { $started } ont commencé
    }, { $invited ->
        [one] { $invited } invité
       *[other] { $invited } invités
    }
results-no-cooperative = sans { -cooperative }
results-chart-caption = 📊 { $question } ({ $count ->
        [one] { $count } réponse
       *[other] { $count } réponses
    })

## Actions communes : signaler l’avancement
btn-report = 📝 Compte rendu
report-no-actions = 🎯 Il n’y a aucune { -joint-action } en cours sur laquelle vous pouvez faire un compte rendu.
report-choose-action = 🎯 Quelle { -joint-action } ?
report-ask-status = 🎯 { $action } : où en est l’action ?
report-confirm-done = 🏁 L’action { $action } est-elle terminée pour toute la { -cooperative } ? Une fois terminée, plus personne n’en rend compte.
btn-done-yes = 🏁 Oui, elle est terminée
btn-done-no = ↩️ Non, pas encore
checkin-ask = 👋 Où en est l’action { $action } ? Appuyez simplement sur un bouton.
status-not-started = Pas commencée
status-on-track = En bonne voie
status-delayed = En retard
status-blocked = Bloquée
status-done = Terminée
report-ask-blocker = 🔴 Qu’est-ce qui bloque ?
blocker-money = 💰 Argent
blocker-inputs = 📦 Intrants
blocker-people = 👥 Personnes
blocker-equipment = ⚙️ Matériel
blocker-permits = 📜 Autorisations
blocker-other = ✏️ Autre
report-blocker-explain = 🎤 Dites-moi ce qui bloque, s’il vous plaît : envoyez ensuite un message vocal ou écrit.
report-ask-progress = 📈 Où en est l’avancement ?
report-ask-progress-target = 📈 Où en est l’avancement ? Appuyez sur un pourcentage, ou écrivez la quantité déjà réalisée (objectif : { $target }).
report-not-a-number = 🔢 Appuyez sur un pourcentage, ou écrivez un nombre, s’il vous plaît.
report-recorded = 📥 Enregistré : { $action } : { $summary }.
    Vous pouvez maintenant envoyer une note : un message, un message vocal 🎤 ou une photo 📷. Vous pouvez annuler pendant { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }.
btn-report-undo = ↩️ Annuler
btn-report-finish = ⏹️ Terminer
report-note-added = 📎 Note ajoutée. Envoyez-en une autre, ou appuyez sur ⏹️ Terminer.
report-note-kinds = 📎 Une note peut être un message, un message vocal ou une photo.
report-undone = ↩️ Le compte rendu a été retiré.
report-undo-too-late = ⌛ Il est trop tard pour annuler ce compte rendu. Envoyez-en plutôt un nouveau.
report-already-done = 🏁 Cette { -joint-action } est déjà terminée. Merci !

## Actions communes : le plan d’action (CDA et responsables)
btn-progress = 📈 Avancement
error-not-leader = ⛔ Seuls les responsables de { -cooperative } et les { -cda } peuvent voir l’avancement des { -joint-action(number: "other") }.
progress-title = 📈 { -joint-action(number: "other", cap: "yes") } :
progress-no-report = aucun compte rendu pour l’instant
progress-empty = 🎯 Aucune { -joint-action } pour l’instant.
progress-warning-legend = ⚠️ signifie que personne n’a fait de compte rendu depuis plus longtemps que le rythme de suivi prévu pour l’action.
progress-reports-by = 📊 Qui envoie des comptes rendus :
btn-progress-chart = 📊 Graphique
progress-chart-title = 📈 Avancement des { -joint-action(number: "other") } (%)
btn-action-add = ➕ Ajouter une { -joint-action }
action-whole-cluster = tout le { -cluster }
action-details = 👥 { $owners } · 📅 du { $start } au { $due }
btn-note-voice = 🎤 Message vocal
btn-note-photo = 📷 Photo jointe
progress-media-caption = 👤 De { $who } · 🎯 { $action } · 🕒 { $when }
note-media-caption = 📝 Note de terrain de { $who } · { $cluster } · 🕒 { $when }
action-ask-title = ✍️ Comment s’appelle l’{ -joint-action } ? Par exemple : Achat groupé d’engrais.
action-ask-description = 📝 Décrivez-la en une phrase, ou appuyez sur ⏭ Passer.
action-ask-owners = 🏠 Quelles { -cooperative(number: "other") } la portent ? Appuyez dessus pour les sélectionner, puis ✔️ Terminé. N’en sélectionnez aucune pour tout le { -cluster }.
action-ask-start = 📅 Quand commence-t-elle ? Écrivez une date comme 01/12/2026, ou appuyez sur Aujourd’hui.
action-ask-due = 📅 Pour quand doit-elle être terminée ? Écrivez une date, ou appuyez sur un bouton.
btn-months = { $months ->
        [one] 📅 Dans { $months } mois
       *[other] 📅 Dans { $months } mois
    }
action-ask-target = 🎯 Y a-t-il un objectif ? Écrivez-le avec son unité, par exemple 10 t ou 500 kg, ou appuyez sur ⏭ Passer.
action-ask-rhythm = ⏰ À quelle fréquence dois-je demander aux porteurs de l’action où elle en est ?
btn-no-checkins = 🔕 Jamais
action-due-before-start = 📅 La date de fin doit être postérieure à la date de début.
action-reask = ✍️ Je n’ai pas compris. Répondez à la question ci-dessous, s’il vous plaît.
action-added = 📥 { -joint-action(cap: "yes") } ajoutée : { $action }.
btn-action-translate = 🌐 Titre dans une autre langue
action-translate-language = 🌐 Dans quelle langue ?
action-translate-type = ✍️ Écrivez le titre de { $action } en { $language }.
action-translate-saved = 📥 Titre en { $language } : { $title }

## Réunions
btn-meetings = 📅 Réunions
meeting-invitation = 📅 Invitation : { $title }
    🗓 { $when }
    📍 { $place }
    Viendrez-vous ?
meeting-reminder = ⏰ Rappel : { $title }
    🗓 { $when }
    📍 { $place }
meeting-moved = 🕒 Nouvel horaire : { $title }
    🗓 { $when }
    📍 { $place }
    Viendrez-vous à ce nouvel horaire ?
meeting-cancelled = 🗑 Annulation : { $title } ({ $when }) n’aura pas lieu.
meeting-nudge = 🔔 Dites-nous si vous viendrez, s’il vous plaît : { $title }
    🗓 { $when }
    📍 { $place }
meeting-your-answer = Votre réponse : { $answer }
meeting-answer-again = Vous aviez répondu { $answer } pour l'ancienne heure — merci de répondre à nouveau.
meeting-before-change = ↩️ Réponses avant le changement : { $names }
rsvp-coming = Je viens
rsvp-not-coming = Je ne viens pas
rsvp-maybe = Peut-être
meeting-closed = ⌛ Cette réunion a déjà commencé ou a été annulée.
meeting-ask-title = 📅 De quelle réunion s’agit-il ? Par exemple : { -commission }, ou Réunion de la { -cooperative }.
meeting-ask-day = 🗓 Quel jour ? Touchez un jour, ou écrivez la date et l’heure, par exemple 25/12/2026 14:30.
meeting-ask-time = 🕒 À quelle heure ? Touchez une heure, ou écrivez-la, par exemple 14:30.
meeting-ask-place = 📍 Où ? Écrivez le lieu, ou envoyez une position sur la carte.
meeting-ask-audience = 👥 Qui est invité ?
btn-audience-commission = 🏛️ { -commission }
meeting-ask-reminders = ⏰ Quand dois-je envoyer un rappel aux invités ? Appuyez dessus pour modifier, puis ✔️ Terminé.
reminder-1w = 1 semaine avant
reminder-1d = 1 jour avant
reminder-3h = 3 heures avant
reminder-1h = 1 heure avant
meeting-time-past = ⌛ Cette heure est déjà passée. Choisissez une heure à venir, s’il vous plaît.
meeting-time-skipped = 🕒 Cette heure n’existe pas ce jour-là : c’est le changement d’heure. Choisissez une autre heure, s’il vous plaît.
meeting-time-unreadable = 🕒 Je n’ai pas pu lire cela. Écrivez-le comme 25/12/2026 14:30, ou touchez un bouton, s’il vous plaît.
meeting-scheduled = 📅 Réunion prévue : { $title }, { $when }. { $count ->
        [one] { $count } personne est invitée.
       *[other] { $count } personnes sont invitées.
    }
btn-meeting-details = 👥 Qui vient
meetings-title = 📅 Prochaines réunions :
meetings-none = 📅 Aucune réunion n’est prévue.
meeting-is-cancelled = 🗑 Annulée.
meeting-unanswered = ⏳ Pas encore de réponse : { $names }
meeting-unreachable = 🚫 Impossible à joindre : { $names }
btn-meeting-remind = 🔔 Relancer ceux qui n’ont pas répondu
btn-meeting-move = 🕒 Changer l’heure
btn-meeting-cancel = 🗑 Annuler la réunion
btn-meeting-cancel-confirm = 🗑 Oui, l’annuler
meeting-cancel-ask = 🗑 Annuler { $title } ? Tous les invités seront prévenus.
meeting-cancel-done = 🗑 Réunion annulée : { $title }. Tous les invités seront prévenus.
meeting-moved-done = 🕒 { $title } aura désormais lieu le { $when }. Tous les invités seront prévenus.
meeting-reminded = { $count ->
        [one] 🔔 { $count } rappel est en cours d’envoi.
       *[other] 🔔 { $count } rappels sont en cours d’envoi.
    }

## Notes de terrain (CDA)
field-note-saved = 📝 Enregistré comme note de terrain pour { $cluster }. Ajouter une étiquette ?
btn-tag-meeting = 🤝 Réunion
btn-tag-visit = 🚶 Visite
btn-tag-problem = ⚠️ Problème
btn-tag-success = 🌟 Réussite
field-note-tagged = 🏷️ Étiquette : { $tag }
cluster-choose = 🌍 Dans quel { -cluster } travaillez-vous ?
cluster-chosen = 🌍 Vos notes de terrain sont désormais rattachées à { $cluster }.
notes-title = 📝 Dernières notes de terrain de { $cluster } :
notes-none = 📝 Aucune note de terrain pour l’instant. Envoyez-moi un message, un message vocal, une photo, un document ou une position.
btn-note-document = 📄 Document joint
btn-note-location = 📍 Position

## Exportations (CDA)
btn-export = 📤 Exporter
export-choose-dataset = 📤 Quelles données ?
btn-export-members = 👥 Membres
btn-export-responses = 📋 Réponses aux questionnaires
btn-export-reports = 📈 Comptes rendus d’avancement
btn-export-meetings = 📅 Réunions et réponses
btn-export-notes = 📝 Notes de terrain
export-choose-format = 📤 Quel fichier ?
btn-export-csv = 📄 Fichier CSV
btn-export-xlsx = 📊 Fichier Excel
btn-export-zip = 📦 Excel + médias (ZIP)
export-ready = 📤 { $rows ->
        [one] { $rows } ligne.
       *[other] { $rows } lignes.
    }
export-media-ready = 📦 { $files ->
        [one] { $files } message vocal ou photo.
       *[other] { $files } messages vocaux et photos.
    }
export-too-big = 📤 Ce fichier est trop lourd pour être envoyé dans Telegram (plus de 50 Mo). Utilisez plutôt la ligne de commande, s’il vous plaît : clusterbot export.

## Menu des commandes
cmd-start = Démarrer, ou rejoindre avec une invitation
cmd-menu = Menu principal
cmd-mydata = Ce qui est enregistré sur moi
cmd-language = Changer de langue
cmd-help = Aide
cmd-forget = Effacer mes données personnelles
cmd-invite = Créer une invitation ({ -cda })
cmd-forms = Mes questionnaires
cmd-launch = Lancer un questionnaire ({ -cda })
cmd-results = Résultats des questionnaires ({ -cda })
cmd-report = Faire le compte rendu d’une { -joint-action }
cmd-progress = Avancement des { -joint-action(number: "other") } (responsables, { -cda })
cmd-actions = Le plan d’action ({ -cda })
cmd-meeting = Planifier une réunion (responsables, { -cda })
cmd-meetings = Prochaines réunions et réponses (responsables, { -cda })
cmd-notes = Dernières notes de terrain ({ -cda })
cmd-cluster = Choisir le { -cluster } où vous travaillez ({ -cda })
cmd-export = Exporter les données dans un tableur ({ -cda })

## Voix à chaque étape, une ligne vers le CDA, le bot parle (ticket 12)
btn-ask-cda = 🙋 Demander au { -cda }
cmd-ask = Poser une question à votre { -cda }
cmd-questions = Questions des membres ({ -cda })
cmd-names = Noms dits à voix haute ({ -cda })
ask-prompt = 🙋 Quelle est votre question pour le { -cda } ? Écrivez-la, ou envoyez un message vocal 🎤.
ask-sent = 📨 Envoyé à votre { -cda }. La réponse arrivera ici.
ask-kept = 📥 Gardé pour votre { -cda }, qui répondra ici.
ask-question = 🙋 Question de { $who } ({ $cluster }) :
ask-question-voice = 🎤 Un message vocal : écoutez-le ci-dessus.
ask-reply-hint = ↩️ Répondez à ce message (texte ou voix) pour donner la réponse.
ask-answer = 💬 Votre { -cda } { $cda } a répondu :
ask-answer-how = ↩️ Répondez par un texte ou un message vocal, s’il vous plaît.
ask-answer-sent = 📨 Votre réponse part vers { $name }.
questions-title = 🙋 Questions des membres de { $cluster } (↩️ pour répondre) :
questions-none = Personne n’a encore posé de question.
question-waiting = ⏳ en attente de réponse
question-answered = ✔️ réponse de { $cda }
names-title = 🎤 Membres de { $cluster } qui ont dit leur nom à voix haute :
names-none = Personne n’a dit son nom à voix haute.
names-type = ✍️ Écrivez le nom de ce membre.
names-saved = ✔️ Nom enregistré : { $name }
name-voice-hint = 🎤 Vous pouvez aussi dire votre nom dans un message vocal.
name-voice-kept = 🎤 Merci, j’ai gardé votre nom tel que vous l’avez dit.
results-voice-review = 🎤 Réponses vocales à vérifier — { $question } : { $count }
btn-speak = 🔊 Écouter
tts-failed = 🔇 Désolé, je ne peux pas lire ce message à voix haute pour le moment.

## Dates and times as people read them (issue 12 item 5). Selector values are codes.
read-today = aujourd’hui
read-tomorrow = demain
read-yesterday = hier
read-weekday = { $weekday ->
    [mon] lun.
    [tue] mar.
    [wed] mer.
    [thu] jeu.
    [fri] ven.
    [sat] sam.
   *[sun] dim.
}
read-month = { $month ->
    [1] janv.
    [2] févr.
    [3] mars
    [4] avr.
    [5] mai
    [6] juin
    [7] juil.
    [8] août
    [9] sept.
    [10] oct.
    [11] nov.
   *[12] déc.
}
read-day-part = { $part ->
    [small-hours] du matin
    [morning] du matin
    [afternoon] de l’après-midi
    [evening] du soir
   *[night] du soir
}
read-location-pin = voir l’épingle ci-dessous

## Fewer words (issue 12 item 7): the short consent, its "more" button, /help's buttons.
consent-short = 🔒 Pour participer à { $cluster }, j’enregistre nom, langue, genre, { -cooperative } et réponses pour votre { -cda }. Les voir : /mydata. Les effacer : /forget.
btn-more = ℹ️ En savoir plus
help-title = ❓ Que voulez-vous faire ?
