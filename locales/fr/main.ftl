## clusterbot — Français
## Les clés sont regroupées par fonction. Chaque clé existe dans chaque langue, avec les mêmes variables.

## Adhésion (/start)
start-no-code = 👋 Bonjour ! Je recueille les nouvelles du terrain pour les réseaux de clusters : avancement des actions communes, petits questionnaires et rappels de réunions.
    Pour nous rejoindre, demandez un lien d’invitation à votre agent de développement du cluster (CDA), puis ouvrez-le.
start-invalid-code = ❌ Ce code d’invitation n’est pas valable. Vérifiez le lien, ou demandez-en un nouveau à votre CDA.
start-expired = ⌛ Cette invitation a expiré. Demandez-en une nouvelle à votre CDA.
start-used-up = 🚫 Cette invitation a déjà été utilisée autant de fois que prévu. Demandez-en une nouvelle à votre CDA.
start-already-member = ℹ️ Vous êtes déjà membre de { $cluster }.
start-added-cluster = ✅ Vous faites maintenant aussi partie de { $cluster }, en tant que { $role }.

## Inscription
onboarding-welcome = 👋 Bienvenue ! Voici votre invitation à rejoindre { $cluster }.
lang-choose = 🌐 Choisissez votre langue :
consent-ask = 🔒 Pour participer à { $cluster }, je vais enregistrer votre nom, votre langue, si vous êtes une femme ou un homme (si vous le dites), votre coopérative et vos réponses. Votre agent de développement du cluster s’en sert pour suivre le travail du cluster. Vous pouvez les voir avec /mydata et les effacer avec /forget à tout moment.
    Êtes-vous d’accord ?
btn-agree = ✅ J’accepte
btn-decline = ❌ Non, merci
consent-declined = 👍 C’est compris. Rien sur vous n’a été enregistré. Si vous changez d’avis, ouvrez à nouveau le lien d’invitation.
name-ask = ✍️ Comment vous appelez-vous ? Touchez le bouton si le nom est juste, ou écrivez votre nom.
name-ask-type = ✍️ Comment vous appelez-vous ? Écrivez votre nom, s’il vous plaît.
name-invalid = ✍️ Écrivez votre nom avec des lettres, 64 caractères au maximum, s’il vous plaît.
reask-name = ✍️ Écrivez votre nom en texte, ou touchez le bouton avec votre nom, s’il vous plaît.
gender-ask = 👤 Êtes-vous une femme ou un homme ? Cela aide le cluster à voir comment les femmes participent. Vous pouvez aussi préférer ne pas le dire.
btn-woman = 👩 Femme
btn-man = 👨 Homme
btn-undisclosed = 🤐 Ne pas répondre
coop-ask = 🏠 De quelle coopérative faites-vous partie ?
btn-no-coop = 🚫 Aucune
btn-back = ⬅️ Retour
reask-buttons = 👇 Touchez un des boutons ci-dessous, s’il vous plaît.
onboarding-finish-first = 👇 Terminez d’abord votre inscription, s’il vous plaît.
onboarding-done = 🎉 Bienvenue, { $name } ! Vous êtes maintenant membre de { $cluster } en tant que { $role }.

## Rôles
role-producer = producteur
role-leader = responsable de coopérative
role-cda = agent de développement du cluster (CDA)

## Menu principal et aide
menu-title = 🏠 Menu principal : que voulez-vous faire ?
btn-mydata = 👤 Mes données
btn-language = 🌐 Langue
btn-help = ❓ Aide
btn-invite = ➕ Inviter
not-understood = 🤔 Désolé, je n’ai pas compris. Voici le menu :
help-member = ❓ Vous pouvez utiliser les boutons, ou ces commandes :
    /menu : menu principal
    /mydata : ce qui est enregistré sur vous
    /language : changer de langue
    /forget : effacer vos données personnelles
help-cda = /invite : créer un lien d’invitation pour un producteur, un responsable ou un CDA
lang-changed = ✅ À partir de maintenant, je vous écrirai en français.

## Mes données
mydata-title = 👤 Ce que clusterbot enregistre sur vous :
mydata-name = Nom : { $name }
mydata-language = Langue : { $language }
mydata-gender = Sexe : { $gender }
mydata-membership = Cluster { $cluster } : { $role }
mydata-membership-coop = Cluster { $cluster } : { $role }, { $cooperative }
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
forget-done = ✅ Vos données personnelles ont été effacées. Au revoir ! Pour revenir, demandez une nouvelle invitation à votre CDA.
forget-kept = 👍 Rien n’a été effacé.
forget-nothing = ℹ️ Il n’y a aucune donnée personnelle sur vous à effacer.

## Invitations créées dans la discussion (CDA)
invite-choose-role = ➕ Pour qui est l’invitation ?
btn-role-producer = 🧑‍🌾 Producteur
btn-role-leader = 👩‍💼 Responsable
btn-role-cda = 🧭 Agent CDA
invite-choose-cluster = 🌍 Quel cluster ?
invite-choose-coop = 🏠 Quelle coopérative ?
invite-created = ✅ Invitation pour { $cluster }, en tant que { $role } :
    { $link }
    { $uses ->
        [one] Elle ne peut servir qu’une seule fois, jusqu’au { $expires }.
       *[other] Elle peut servir à { $uses } personnes, jusqu’au { $expires }.
    }
    Transférez-la à la personne, ou partagez-la dans son groupe.

## Erreurs et avis
button-expired = ⌛ Ce bouton ne fonctionne plus.
error-not-allowed = ⛔ Seuls les agents de développement du cluster (CDA) peuvent faire cela.
error-generic = ⚠️ Un problème est survenu de notre côté. Réessayez dans un moment, s’il vous plaît.
group-private-only = 💬 Parlez-moi dans une discussion privée, s’il vous plaît : touchez mon nom, puis Démarrer.

## Menu des commandes
cmd-start = Démarrer, ou rejoindre avec une invitation
cmd-menu = Menu principal
cmd-mydata = Ce qui est enregistré sur moi
cmd-language = Changer de langue
cmd-help = Aide
cmd-forget = Effacer mes données personnelles
cmd-invite = Créer une invitation (CDA)
