## clusterbot — English
## Keys are grouped by feature. Every key exists in every locale with the same variables.

## Words a deployment may choose: override these terms in LOCALES_DIR/<lang>/*.ftl
## (e.g. -cooperative = association). `number`: "one" or "other"; `cap`: "yes" at the start of a sentence.
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
            [yes] Cooperative
           *[no] cooperative
        }
        [other] { $cap ->
            [yes] Cooperatives
           *[no] cooperatives
        }
    }
-cda = CDA
-cda-long = { $number ->
       *[one] Cluster Development Agent
        [other] Cluster Development Agents
    }
-joint-action = { $number ->
       *[one] { $cap ->
            [yes] Joint action
           *[no] joint action
        }
        [other] { $cap ->
            [yes] Joint actions
           *[no] joint actions
        }
    }
-commission = Cluster Commission

## Joining (/start)
start-no-code = 👋 Hello! I collect field updates for { -cluster } networks: progress on { -joint-action(number: "other") }, short questionnaires and meeting reminders.
    To join, ask your { -cda-long } ({ -cda }) for an invite link and open it.
start-invalid-code = ❌ This invite code is not valid. Please check the link, or ask your { -cda } for a new one.
start-expired = ⌛ This invite has expired. Please ask your { -cda } for a new one.
start-used-up = 🚫 This invite has already been used as many times as it allows. Please ask your { -cda } for a new one.
start-already-member = ℹ️ You are already a member of { $cluster }.
start-added-cluster = 🤝 You now also belong to { $cluster } as { $role }.
start-too-many = ⏳ Too many wrong codes. Please wait { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    } and try again, or ask your { -cda } for a new link.

## Onboarding
onboarding-welcome = 👋 Welcome! You are invited to join { $cluster }.
lang-choose = 🌐 Choose your language:
consent-ask = 🔒 To take part in { $cluster }, I will store your name, language, gender if you give it, your { -cooperative } and your answers. Your { -cda-long } uses them to follow the { -cluster }'s work. You can see them with /mydata and delete them with /forget at any time.
btn-agree = ✅ I agree
btn-decline = ✋ No, thanks
consent-declined = 👌 Understood. Nothing about you has been stored. If you change your mind, open the invite link again.
name-ask = ✍️ What is your name? Tap the button if it is right, or type your name.
name-ask-type = ✍️ What is your name? Please type it.
name-invalid = ✍️ Please type your name with letters, up to 64 characters.
reask-name = ✍️ Please type your name as text, or tap the button with your name.
gender-ask = 👤 Are you a woman or a man? This helps the { -cluster } see how women take part. You may also prefer not to say.
btn-woman = 👩 Woman
btn-man = 👨 Man
btn-undisclosed = 🤐 Prefer not to say
coop-ask = 🏠 Which { -cooperative } are you part of?
btn-no-coop = 🚫 None
btn-back = ⬅️ Back
reask-buttons = 👇 Please tap one of the buttons below.
onboarding-finish-first = 👇 Please finish joining first.
onboarding-done = 🎉 Welcome, { $name }! You are now a member of { $cluster } as { $role }.

## Roles
role-producer = producer
role-leader = { -cooperative } leader
role-cda = { -cda-long } ({ -cda })

## Main menu and help
menu-title = 🏠 Main menu: what would you like to do?
btn-mydata = 👤 My data
btn-language = 🌐 Language
btn-help = ❓ Help
btn-invite = ➕ Invite
not-understood = 🤔 Sorry, I did not understand. Here is the menu:
dialogue-lost = 🔄 The bot was updated and lost track of where we were. Let’s pick up again.
lang-changed = 🌐 From now on I will write to you in English.

## My data
mydata-title = 👤 What clusterbot stores about you:
mydata-name = Name: { $name }
mydata-language = Language: { $language }
mydata-gender = Gender: { $answer }
mydata-membership = { -cluster(cap: "yes") } { $cluster }: { $role }
mydata-membership-coop = { -cluster(cap: "yes") } { $cluster }: { $role }, { $cooperative }
mydata-consent = Consent given on { $date }
mydata-telegram = Telegram ID: { $id }
mydata-forget-hint = To delete your personal data, send /forget.
mydata-none = ℹ️ clusterbot stores nothing about you.
gender-woman = woman
gender-man = man
gender-undisclosed = prefer not to say
gender-unknown = not given

## Forget
forget-confirm = 🗑 Delete your personal data? Your name, Telegram account, gender and language will be erased. Answers you gave stay only in anonymous form, without your name.
btn-forget-yes = 🗑 Yes, delete
btn-forget-no = ↩️ No, keep
forget-done = 🗑️ Your personal data has been deleted. Goodbye! To join again, ask your { -cda } for a new invite.
forget-kept = 👌 Nothing was deleted.
forget-nothing = ℹ️ There is no personal data about you to delete.

## Invites made in the chat (CDA)
invite-choose-role = ➕ Who is the invite for?
btn-role-producer = 🧑‍🌾 Producer
btn-role-leader = 👩‍💼 Leader
btn-role-cda = 🧭 { -cda }
invite-choose-cluster = 🌍 Which { -cluster }?
invite-choose-coop = 🏠 Which { -cooperative }?
invite-created = 🔗 Invite for a { $role } of { $cluster }:
    { $link }
    { $uses ->
        [one] It can be used once, until { $expires }.
       *[other] It can be used by { $uses } people, until { $expires }.
    }
    Forward it to the person, or share it in their group.

## Errors and notices
button-expired = ⌛ This button is no longer active.
error-not-allowed = ⛔ Only { -cda-long(number: "other") } can do this.
error-generic = ⚠️ Something went wrong on our side. Please try again in a moment.
error-internal = ⚠️ Something went wrong on our side. What you sent is kept; please try again in a moment.
error-no-longer-active = ⌛ This is no longer active.
error-not-found = 🔎 That is no longer here: it may have been removed.
group-private-only = 💬 Please talk to me in a private chat: tap my name, then Start.

## Questionnaires: answering
form-invitation = 📋 New questionnaire: { $title }
    { $count ->
        [one] One question.
       *[other] { $count } questions.
    } Tap Start when you are ready; you can stop and continue later.
form-invitation-deadline = ⏳ Please answer before { $date }.
form-nudge = ⏰ Reminder: please answer { $title } before { $date }. It takes only a few minutes.
btn-form-start = ▶️ Start
btn-form-continue = ▶️ Continue
btn-form-next = ➡️ Next
btn-form-ok = ✅ OK
btn-form-done = ✔️ Done
btn-form-skip = ⏭ Skip
btn-form-repeat = 🔁 Repeat
btn-form-today = 📅 Today
btn-form-yesterday = 📅 Yesterday
btn-form-other = ✏️ Other
btn-form-location = 📍 Send my location
form-hint-text = ✍️ Type your answer, or send a voice note 🎤.
form-hint-number = 🔢 Type a number.
form-hint-decimal = 🔢 Type a number, for example 2.5.
form-hint-date = 📅 Type a date like 25/12/2024, or tap a button.
form-hint-audio = 🎤 Send a voice note.
form-hint-image = 📷 Send a photo.
form-hint-geopoint = 📍 Tap the button below to send your location.
form-hint-multiple = ☑️ Tap every answer that fits, then ✔️ Done.
form-specify-other = ✏️ Please say what it is: type it, or send a voice note.
form-not-a-number = 🔢 Please type a number, for example 12.
form-not-whole = 🔢 Please type a whole number, without decimals.
form-not-a-date = 📅 Please type a date like 25/12/2024.
form-constraint-default = ⚠️ This answer is not possible here. Please check it and answer again.
form-required = ❗ This question needs an answer.
form-use-buttons = 👇 Please answer with the buttons.
form-voice-kept = 🎤 Thank you, I kept your voice note. Please also tap one of the buttons.
form-send-voice = 🎤 Please send a voice note: hold the microphone button while you speak.
form-send-photo = 📷 Please send a photo.
form-send-location = 📍 Please tap the button to send your location.
form-file-too-big = ⚠️ This file is too big: Telegram lets me receive up to 20 MB. Please send a shorter one.
form-finished = 🎉 Thank you! Your answers to { $title } are saved.
form-closed = ⌛ This questionnaire is closed.
form-already-done = 🏁 You have already answered this questionnaire. Thank you!
form-none-open = 📋 You have no questionnaire to answer right now.
form-open-list = 📋 Your questionnaires:
btn-forms = 📋 Questionnaires

## Questionnaires: importing, launching, results (CDA)
import-ok = 📥 Imported { $title }: { $count ->
        [one] one question
       *[other] { $count } questions
    }; languages: { $languages }.
import-one-language = one, without a language name
import-texts-cut = ✂️ Some texts were too long for a chat and were cut (ending with “…”):
    { $texts }
import-unchanged = ℹ️ This version of { $title } was already imported.
import-version-conflict = ⚠️ A different form with the same id and version is already imported. Change the version in the settings sheet and send it again.
import-failed = ❌ The form was not imported. Please fix these problems and send it again:
    { $problems }
import-not-xlsx = 📎 Please send the questionnaire as an XLSForm file (.xlsx).
btn-launch = 🚀 Launch
btn-results = 📊 Results
launch-choose-form = 📋 Which questionnaire?
launch-no-forms = 📋 There is no questionnaire yet. Send me an XLSForm file (.xlsx) to import one.
launch-choose-audience = 👥 Who should answer?
btn-audience-cluster = 🌍 Everyone
btn-audience-leaders = 👩‍💼 Leaders
btn-audience-producers = 🧑‍🌾 Producers
launch-choose-deadline = ⏳ Answer within…?
btn-deadline-days = { $days ->
        [one] ⏳ 1 day
       *[other] ⏳ { $days } days
    }
btn-deadline-none = ♾️ No deadline
launch-sent = 🚀 Launched: { $count ->
        [one] one member is being invited.
       *[other] { $count } members are being invited.
    } Anyone who cannot be reached is listed in /results.
launch-nobody = 🤷 Nobody in that group can be reached yet.
results-choose = 📊 Results of which questionnaire?
results-none = 📊 No questionnaire has been launched in your { -cluster(number: "other") } yet.
results-summary = 📊 { $title }
    Invited: { $invited } · Started: { $started } · Finished: { $finished }
results-by-cooperative = 🏠 By { -cooperative }:
results-by-gender = 👥 By gender:
results-line = • { $group }: { $finished } finished, { $started } started, { $invited } invited
results-no-cooperative = no { -cooperative }
results-chart-caption = 📊 { $question } ({ $count ->
        [one] one answer
       *[other] { $count } answers
    })

## Joint actions: reporting progress
btn-report = 📝 Report
report-no-actions = 🎯 There is no open { -joint-action } for you to report on.
report-choose-action = 🎯 Which { -joint-action }?
report-ask-status = 🎯 { $action }: how is it going?
report-confirm-done = 🏁 Is { $action } finished for the whole { -cooperative }? Once it is done, nobody reports on it any more.
btn-done-yes = 🏁 Yes, it is finished
btn-done-no = ↩️ No, not yet
checkin-ask = 👋 How is { $action } going? One tap is enough.
status-not-started = Not started
status-on-track = On track
status-delayed = Delayed
status-blocked = Blocked
status-done = Done
report-ask-blocker = 🔴 What is blocking it?
blocker-money = 💰 Money
blocker-inputs = 📦 Inputs
blocker-people = 👥 People
blocker-equipment = ⚙️ Equipment
blocker-permits = 📜 Permits
blocker-other = ✏️ Other
report-blocker-explain = 🎤 Please tell me what blocks it in a voice note or a message after this.
report-ask-progress = 📈 How far along is it?
report-ask-progress-target = 📈 How far along is it? Tap a percentage, or type how much is done (the target is { $target }).
report-not-a-number = 🔢 Please tap a percentage, or type a number.
report-recorded = 📥 Recorded: { $action }: { $summary }.
    You can send a note now: a message, a voice note 🎤 or a photo 📷. You can undo within { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }.
btn-report-undo = ↩️ Undo
btn-report-finish = ⏹️ Finish
report-note-added = 📎 Note added. Send another one, or tap ⏹️ Finish.
report-note-kinds = 📎 A note can be a message, a voice note or a photo.
report-undone = ↩️ The report was withdrawn.
report-undo-too-late = ⌛ It is too late to undo this report. Send a new one instead.
report-already-done = 🏁 This { -joint-action } is already done. Thank you!

## Joint actions: the action plan (CDAs and leaders)
btn-progress = 📈 Progress
error-not-leader = ⛔ Only { -cooperative } leaders and { -cda }s can see the progress of { -joint-action(number: "other") }.
progress-title = 📈 { -joint-action(number: "other", cap: "yes") }:
progress-no-report = no report yet
progress-empty = 🎯 No { -joint-action } yet.
progress-warning-legend = ⚠️ means nobody reported for longer than the action's check-in rhythm.
progress-reports-by = 📊 Who reports:
btn-progress-chart = 📊 Chart
progress-chart-title = 📈 Progress of { -joint-action(number: "other") } (%)
btn-action-add = ➕ Add a { -joint-action }
action-whole-cluster = the whole { -cluster }
action-details = 👥 { $owners } · 📅 { $start } → { $due }
btn-note-voice = 🎤 Voice note
btn-note-photo = 📷 Photo
progress-media-caption = 👤 From { $who } · 🎯 { $action } · 🕒 { $when }
note-media-caption = 📝 Field note from { $who } · { $cluster } · 🕒 { $when }
action-ask-title = ✍️ What is the { -joint-action } called? For example: Joint purchase of fertiliser.
action-ask-description = 📝 Describe it in a sentence, or tap ⏭ Skip.
action-ask-owners = 🏠 Which { -cooperative(number: "other") } own it? Tap to select, then ✔️ Done. Select none for the whole { -cluster }.
action-ask-start = 📅 When does it start? Type a date like 01/12/2026, or tap Today.
action-ask-due = 📅 When is it due? Type a date, or tap a button.
btn-months = { $months ->
        [one] 📅 In 1 month
       *[other] 📅 In { $months } months
    }
action-ask-target = 🎯 Is there a target? Type it with its unit, for example 10 t or 500 kg, or tap ⏭ Skip.
action-ask-rhythm = ⏰ How often should I ask the owners how it is going?
btn-no-checkins = 🔕 Never
action-due-before-start = 📅 The due date must come after the start date.
action-reask = ✍️ I did not understand that. Please answer the question below.
action-added = 📥 { -joint-action(cap: "yes") } added: { $action }.
btn-action-translate = 🌐 Title in another language
action-translate-language = 🌐 In which language?
action-translate-type = ✍️ Type the title of { $action } in { $language }.
action-translate-saved = 📥 Title in { $language }: { $title }

## Meetings
btn-meetings = 📅 Meetings
meeting-invitation = 📅 Invitation: { $title }
    🗓 { $when }
    📍 { $place }
    Will you come?
meeting-reminder = ⏰ Reminder: { $title }
    🗓 { $when }
    📍 { $place }
meeting-moved = 🕒 New time: { $title }
    🗓 { $when }
    📍 { $place }
    Will you come at the new time?
meeting-cancelled = 🗑 Cancelled: { $title } ({ $when }) will not take place.
meeting-nudge = 🔔 Please tell us if you will come: { $title }
    🗓 { $when }
    📍 { $place }
meeting-your-answer = Your answer: { $answer }
meeting-answer-again = You had answered { $answer } for the old time — please answer again.
meeting-before-change = ↩️ Answered before the change: { $names }
rsvp-coming = Coming
rsvp-not-coming = Not coming
rsvp-maybe = Maybe
meeting-closed = ⌛ This meeting has started or was cancelled.
meeting-ask-title = 📅 What is the meeting? For example: { -commission }, or { -cooperative(cap: "yes") } meeting.
meeting-ask-day = 🗓 Which day? Tap a day, or type the date and time, for example 25/12/2026 14:30.
meeting-ask-time = 🕒 At what time? Tap an hour, or type it, for example 14:30.
meeting-ask-place = 📍 Where? Type the place, or send a location pin.
meeting-ask-audience = 👥 Who is invited?
btn-audience-commission = 🏛️ { -commission }
meeting-ask-reminders = ⏰ When should I remind people? Tap to change, then ✔️ Done.
reminder-1w = 1 week before
reminder-1d = 1 day before
reminder-3h = 3 hours before
reminder-1h = 1 hour before
meeting-time-past = ⌛ That time has already passed. Please choose a time in the future.
meeting-time-skipped = 🕒 That time does not exist on that day: the clocks change. Please choose another time.
meeting-time-unreadable = 🕒 I could not read that. Please type it like 25/12/2026 14:30, or tap a button.
meeting-scheduled = 📅 Scheduled: { $title }, { $when }. { $count ->
        [one] One person is invited.
       *[other] { $count } people are invited.
    }
btn-meeting-details = 👥 Who is coming
meetings-title = 📅 Upcoming meetings:
meetings-none = 📅 No meeting is planned.
meeting-is-cancelled = 🗑 Cancelled.
meeting-unanswered = ⏳ No answer yet: { $names }
meeting-unreachable = 🚫 Could not be reached: { $names }
btn-meeting-remind = 🔔 Remind those who have not answered
btn-meeting-move = 🕒 Change the time
btn-meeting-cancel = 🗑 Cancel the meeting
btn-meeting-cancel-confirm = 🗑 Yes, cancel it
meeting-cancel-ask = 🗑 Cancel { $title }? Everyone invited will be told.
meeting-cancel-done = 🗑 { $title } is cancelled. Everyone invited will be told.
meeting-moved-done = 🕒 { $title } is now on { $when }. Everyone invited will be told.
meeting-reminded = { $count ->
        [one] 🔔 One reminder is on its way.
       *[other] 🔔 { $count } reminders are on their way.
    }

## Field notes (CDA)
field-note-saved = 📝 Saved as a field note of { $cluster }. Add a tag?
btn-tag-meeting = 🤝 Meeting
btn-tag-visit = 🚶 Visit
btn-tag-problem = ⚠️ Problem
btn-tag-success = 🌟 Success story
field-note-tagged = 🏷️ Tagged: { $tag }
cluster-choose = 🌍 Which { -cluster } are you working in?
cluster-chosen = 🌍 Your field notes now go to { $cluster }.
notes-title = 📝 Latest field notes of { $cluster }:
notes-none = 📝 No field note yet. Send me a message, a voice note, a photo, a document or a location.
btn-note-document = 📄 Document
btn-note-location = 📍 Location

## Exports (CDA)
btn-export = 📤 Export
export-choose-dataset = 📤 Which data?
btn-export-members = 👥 Members
btn-export-responses = 📋 Questionnaire answers
btn-export-reports = 📈 Progress reports
btn-export-meetings = 📅 Meetings and answers
btn-export-notes = 📝 Field notes
export-choose-format = 📤 Which file?
btn-export-csv = 📄 CSV
btn-export-xlsx = 📊 Excel
btn-export-zip = 📦 Excel + media (ZIP)
export-ready = 📤 { $rows ->
        [one] One row.
       *[other] { $rows } rows.
    }
export-media-ready = 📦 { $files ->
        [one] One voice note or photo.
       *[other] { $files } voice notes and photos.
    }
export-too-big = 📤 This file is too big to send in Telegram (over 50 MB). Please use the command line: clusterbot export.

## Command menu
cmd-start = Start, or join with an invite
cmd-menu = Main menu
cmd-mydata = What is stored about me
cmd-language = Change the language
cmd-help = Help
cmd-forget = Delete my personal data
cmd-invite = Create an invite ({ -cda })
cmd-forms = My questionnaires
cmd-launch = Launch a questionnaire ({ -cda })
cmd-results = Results of questionnaires ({ -cda })
cmd-report = Report progress on a { -joint-action }
cmd-progress = Progress of { -joint-action(number: "other") } (leaders, { -cda })
cmd-actions = The action plan ({ -cda })
cmd-meeting = Schedule a meeting (leaders, { -cda })
cmd-meetings = Upcoming meetings and answers (leaders, { -cda })
cmd-notes = Latest field notes ({ -cda })
cmd-cluster = Choose the { -cluster } you work in ({ -cda })
cmd-export = Export data as a spreadsheet ({ -cda })

## Voice at every step, a line to the CDA, the bot speaks (issue 12)
btn-ask-cda = 🙋 Ask my { -cda }
cmd-ask = Ask your { -cda } a question
cmd-questions = Questions from members ({ -cda })
cmd-names = Names said by voice ({ -cda })
ask-prompt = 🙋 What would you like to ask your { -cda }? Type it, or send a voice note 🎤.
ask-sent = 📨 Sent to your { -cda }. The answer will come here.
ask-kept = 📥 Kept for your { -cda }, who will answer here.
ask-question = 🙋 Question from { $who } ({ $cluster }):
ask-question-voice = 🎤 A voice note: listen to it above.
ask-reply-hint = ↩️ Reply to this message (text or voice) to answer.
ask-answer = 💬 Your { -cda } { $cda } answered:
ask-answer-how = ↩️ Please answer with text or a voice note.
ask-answer-sent = 📨 Your answer is on its way to { $name }.
questions-title = 🙋 Questions from members of { $cluster } (↩️ to answer):
questions-none = Nobody has asked anything yet.
question-waiting = ⏳ waiting for an answer
question-answered = ✔️ answered by { $cda }
names-title = 🎤 Members of { $cluster } who said their name by voice:
names-none = Nobody said their name by voice.
names-type = ✍️ Type this member's name.
names-saved = ✔️ Name saved: { $name }
name-voice-hint = 🎤 You can also say your name in a voice note.
name-voice-kept = 🎤 Thank you, I kept your name as you said it.
results-voice-review = 🎤 Answered by voice, to review — { $question }: { $count }
btn-speak = 🔊 Listen
tts-failed = 🔇 Sorry, I cannot read this aloud right now.

## Dates and times as people read them (issue 12 item 5). Selector values are codes.
read-today = today
read-tomorrow = tomorrow
read-yesterday = yesterday
read-weekday = { $weekday ->
    [mon] Mon
    [tue] Tue
    [wed] Wed
    [thu] Thu
    [fri] Fri
    [sat] Sat
   *[sun] Sun
}
read-month = { $month ->
    [1] Jan
    [2] Feb
    [3] Mar
    [4] Apr
    [5] May
    [6] Jun
    [7] Jul
    [8] Aug
    [9] Sep
    [10] Oct
    [11] Nov
   *[12] Dec
}
read-day-part = { $part ->
    [small-hours] AM
    [morning] AM
    [afternoon] PM
    [evening] PM
   *[night] PM
}
read-location-pin = see the pin below

## Fewer words (issue 12 item 7): the short consent, its "more" button, /help's buttons.
consent-short = 🔒 To take part in { $cluster }, I keep your name, language, gender, { -cooperative } and answers for your { -cda }. See them: /mydata. Delete them: /forget.
btn-more = ℹ️ More
help-title = ❓ What would you like to do?
