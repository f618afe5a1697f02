## clusterbot — Русский
## Ключи сгруппированы по функциям. Каждый ключ есть в каждом языке, с теми же переменными.

## Слова, которые выбирает каждое развёртывание: переопределите эти термины в LOCALES_DIR/ru/*.ftl
## (например, -cda = куратор кластера, со всеми падежами). `number`: "one" или "other";
## `case`: nom, gen, dat, acc, ins, prep; "Nom" — именительный с заглавной буквы.
-cluster = { $number ->
       *[one] { $case ->
           *[nom] кластер
            [Nom] Кластер
            [gen] кластера
            [dat] кластеру
            [acc] кластер
            [ins] кластером
            [prep] кластере
        }
        [other] { $case ->
           *[nom] кластеры
            [Nom] Кластеры
            [gen] кластеров
            [dat] кластерам
            [acc] кластеры
            [ins] кластерами
            [prep] кластерах
        }
    }
-cooperative = { $number ->
       *[one] { $case ->
           *[nom] кооператив
            [Nom] Кооператив
            [gen] кооператива
            [dat] кооперативу
            [acc] кооператив
            [ins] кооперативом
            [prep] кооперативе
        }
        [other] { $case ->
           *[nom] кооперативы
            [Nom] Кооперативы
            [gen] кооперативов
            [dat] кооперативам
            [acc] кооперативы
            [ins] кооперативами
            [prep] кооперативах
        }
    }
-cda = { $number ->
       *[one] { $case ->
           *[nom] агент CDA
            [Nom] Агент CDA
            [gen] агента CDA
            [dat] агенту CDA
            [acc] агента CDA
            [ins] агентом CDA
            [prep] агенте CDA
        }
        [other] { $case ->
           *[nom] агенты CDA
            [Nom] Агенты CDA
            [gen] агентов CDA
            [dat] агентам CDA
            [acc] агентов CDA
            [ins] агентами CDA
            [prep] агентах CDA
        }
    }
-cda-long = { $number ->
       *[one] { $case ->
           *[nom] агент по развитию кластера
            [gen] агента по развитию кластера
            [dat] агенту по развитию кластера
            [acc] агента по развитию кластера
            [ins] агентом по развитию кластера
            [prep] агенте по развитию кластера
        }
        [other] { $case ->
           *[nom] агенты по развитию кластера
            [gen] агентов по развитию кластера
            [dat] агентам по развитию кластера
            [acc] агентов по развитию кластера
            [ins] агентами по развитию кластера
            [prep] агентах по развитию кластера
        }
    }
-joint-action = { $number ->
       *[one] { $case ->
           *[nom] совместный проект
            [Nom] Совместный проект
            [gen] совместного проекта
            [dat] совместному проекту
            [acc] совместный проект
            [ins] совместным проектом
            [prep] совместном проекте
        }
        [other] { $case ->
           *[nom] совместные проекты
            [Nom] Совместные проекты
            [gen] совместных проектов
            [dat] совместным проектам
            [acc] совместные проекты
            [ins] совместными проектами
            [prep] совместных проектах
        }
    }
-commission = { $case ->
       *[nom] Комиссия кластера
        [gen] Комиссии кластера
        [dat] Комиссии кластера
        [acc] Комиссию кластера
        [ins] Комиссией кластера
        [prep] Комиссии кластера
    }

## Вступление (/start)
start-no-code = 👋 Здравствуйте! Я собираю новости с мест для сетей { -cluster(number: "other", case: "gen") }: как идут { -joint-action(number: "other") }, короткие опросы и напоминания о встречах.
    Чтобы вступить, попросите у своего { -cda-long(case: "gen") } (CDA) ссылку-приглашение и откройте её.
start-invalid-code = ❌ Этот код приглашения неверный. Проверьте ссылку или попросите у своего { -cda(case: "gen") } новую.
start-expired = ⌛ Срок этого приглашения истёк. Попросите у своего { -cda(case: "gen") } новое.
start-used-up = 🚫 Этим приглашением уже воспользовались столько раз, сколько было можно. Попросите у своего { -cda(case: "gen") } новое.
start-already-member = ℹ️ Вы уже состоите в { -cluster(case: "prep") } { $cluster }.
start-added-cluster = 🤝 Теперь вы также состоите в { -cluster(case: "prep") } { $cluster }. Ваша роль: { $role }.
start-too-many = ⏳ Слишком много неверных кодов. Подождите { $minutes ->
        [one] { $minutes } минуту
        [few] { $minutes } минуты
        [many] { $minutes } минут
       *[other] { $minutes } минуты
    } и попробуйте снова или попросите у своего { -cda(case: "gen") } новую ссылку.

## Знакомство
onboarding-welcome = 👋 Добро пожаловать! Вас приглашают вступить в { -cluster } { $cluster }.
lang-choose = 🌐 Выберите язык:
consent-ask = 🔒 Чтобы вы могли участвовать в работе { -cluster(case: "gen") } { $cluster }, я сохраню ваше имя, язык, пол (если вы его укажете), ваш { -cooperative } и ваши ответы. Ваш { -cda-long } использует их, чтобы следить за работой { -cluster(case: "gen") }. В любое время вы можете посмотреть их командой /mydata и удалить командой /forget.
    Вы согласны?
btn-agree = ✅ Даю согласие
btn-decline = ✋ Нет, спасибо
consent-declined = 👌 Понятно. Ничего о вас не сохранено. Если передумаете, откройте ссылку-приглашение ещё раз.
name-ask = ✍️ Как вас зовут? Нажмите на кнопку, если имя верное, или напишите своё имя.
name-ask-type = ✍️ Как вас зовут? Пожалуйста, напишите своё имя.
name-invalid = ✍️ Пожалуйста, напишите имя буквами, не длиннее 64 знаков.
reask-name = ✍️ Пожалуйста, напишите своё имя текстом или нажмите на кнопку с вашим именем.
gender-ask = 👤 Вы женщина или мужчина? Это помогает { -cluster(case: "dat") } видеть, как участвуют женщины. Если не хотите, можете не отвечать.
btn-woman = 👩 Женщина
btn-man = 👨 Мужчина
btn-undisclosed = 🤐 Не указывать
coop-ask = 🏠 В каком { -cooperative(case: "prep") } вы состоите?
btn-no-coop = 🚫 Ни в каком
btn-back = ⬅️ Назад
reask-buttons = 👇 Пожалуйста, нажмите на одну из кнопок ниже.
onboarding-finish-first = 👇 Пожалуйста, сначала закончите вступление.
onboarding-done = 🎉 Добро пожаловать, { $name }! Теперь вы состоите в { -cluster(case: "prep") } { $cluster }. Ваша роль: { $role }.

## Роли
role-producer = { $gender ->
        [woman] производительница
        [man] производитель
       *[other] участник-производитель
    }
role-leader = руководитель { -cooperative(case: "gen") }
role-cda = { -cda-long } (CDA)

## Главное меню и помощь
menu-title = 🏠 Главное меню: что вы хотите сделать?
btn-mydata = 👤 Мои данные
btn-language = 🌐 Язык
btn-help = ❓ Помощь
btn-invite = ➕ Пригласить
not-understood = 🤔 Извините, я не понял. Вот меню:
dialogue-lost = 🔄 Бот обновился и потерял место, где мы остановились. Продолжим заново.
lang-changed = 🌐 Теперь я буду писать вам по-русски.

## Мои данные
mydata-title = 👤 Что clusterbot хранит о вас:
mydata-name = Имя: { $name }
mydata-language = Язык: { $language }
mydata-gender = Пол: { $answer }
mydata-membership = { -cluster(case: "Nom") } { $cluster }: { $role }
mydata-membership-coop = { -cluster(case: "Nom") } { $cluster }: { $role }, { $cooperative }
mydata-consent = Согласие дано: { $date }
mydata-telegram = ID в Telegram: { $id }
mydata-forget-hint = Чтобы удалить ваши личные данные, отправьте /forget.
mydata-none = ℹ️ clusterbot ничего о вас не хранит.
gender-woman = женщина
gender-man = мужчина
gender-undisclosed = не хочу указывать
gender-unknown = не указан

## Удаление данных
forget-confirm = 🗑 Удалить ваши личные данные? Ваше имя, аккаунт Telegram, пол и язык будут стёрты. Ваши ответы останутся только анонимно, без вашего имени.
btn-forget-yes = 🗑 Да, удалить
btn-forget-no = ↩️ Нет, оставить
forget-done = 🗑️ Ваши личные данные удалены. До свидания! Чтобы вступить снова, попросите у своего { -cda(case: "gen") } новое приглашение.
forget-kept = 👌 Ничего не удалено.
forget-nothing = ℹ️ Личных данных о вас нет, удалять нечего.

## Приглашения из чата (агент CDA)
invite-choose-role = ➕ Кого вы приглашаете?
btn-role-producer = 🧑‍🌾 Производитель
btn-role-leader = 👩‍💼 Руководитель
btn-role-cda = 🧭 { -cda(case: "Nom") }
invite-choose-cluster = 🌍 В какой { -cluster }?
invite-choose-coop = 🏠 В какой { -cooperative }?
invite-created = 🔗 Приглашение в { -cluster } { $cluster }, роль: { $role }.
    { $link }
    { $uses ->
        [one] Ссылку можно использовать { $uses } раз, до { $expires }.
        [few] Ссылку можно использовать { $uses } раза, до { $expires }.
        [many] Ссылку можно использовать { $uses } раз, до { $expires }.
       *[other] Ссылку можно использовать { $uses } раза, до { $expires }.
    }
    Перешлите её этому человеку или отправьте в его группу.

## Ошибки и уведомления
button-expired = ⌛ Эта кнопка больше не работает.
error-not-allowed = ⛔ Это могут делать только { -cda-long(number: "other") }.
error-generic = ⚠️ У нас что-то пошло не так. Пожалуйста, попробуйте ещё раз чуть позже.
error-internal = ⚠️ У нас что-то пошло не так. То, что вы отправили, сохранено; пожалуйста, попробуйте ещё раз чуть позже.
error-no-longer-active = ⌛ Это больше не действует.
error-not-found = 🔎 Этого больше нет: возможно, это удалили.
group-private-only = 💬 Пожалуйста, напишите мне в личном чате: нажмите на моё имя, затем «Запустить».

## Опросы: ответы
form-invitation = 📋 Новый опрос: { $title }
    { $count ->
        [one] { $count } вопрос.
        [few] { $count } вопроса.
        [many] { $count } вопросов.
       *[other] { $count } вопроса.
    } Нажмите «Начать», когда будете готовы; можно остановиться и продолжить позже.
form-invitation-deadline = ⏳ Пожалуйста, ответьте до { $date }.
form-nudge = ⏰ Напоминание: пожалуйста, ответьте на опрос «{ $title }» до { $date }. Это займёт всего несколько минут.
btn-form-start = ▶️ Начать
btn-form-continue = ▶️ Продолжить
btn-form-next = ➡️ Далее
btn-form-ok = ✅ Хорошо
btn-form-done = ✔️ Готово
btn-form-skip = ⏭ Пропустить
btn-form-repeat = 🔁 Повторить
btn-form-today = 📅 Сегодня
btn-form-yesterday = 📅 Вчера
btn-form-other = ✏️ Другое
btn-form-location = 📍 Отправить геопозицию
form-hint-text = ✍️ Напишите ответ или отправьте голосовое сообщение 🎤.
form-hint-number = 🔢 Напишите число.
form-hint-decimal = 🔢 Напишите число, например 2,5.
form-hint-date = 📅 Напишите дату, например 25.12.2024, или нажмите на кнопку.
form-hint-audio = 🎤 Отправьте голосовое сообщение.
form-hint-image = 📷 Отправьте фото.
form-hint-geopoint = 📍 Нажмите на кнопку ниже, чтобы отправить свою геопозицию.
form-hint-multiple = ☑️ Нажмите на все подходящие ответы, затем на ✔️ Готово.
form-specify-other = ✏️ Пожалуйста, уточните, что именно: напишите или отправьте голосовое сообщение.
form-not-a-number = 🔢 Пожалуйста, напишите число, например 12.
form-not-whole = 🔢 Пожалуйста, напишите целое число, без дробной части.
form-not-a-date = 📅 Пожалуйста, напишите дату, например 25.12.2024.
form-constraint-default = ⚠️ Такой ответ здесь невозможен. Пожалуйста, проверьте его и ответьте ещё раз.
form-required = ❗ На этот вопрос нужно ответить.
form-use-buttons = 👇 Пожалуйста, отвечайте с помощью кнопок.
form-voice-kept = 🎤 Спасибо, я сохранил ваше голосовое сообщение. Пожалуйста, нажмите также на одну из кнопок.
form-send-voice = 🎤 Пожалуйста, отправьте голосовое сообщение: удерживайте кнопку микрофона, пока говорите.
form-send-photo = 📷 Пожалуйста, отправьте фото.
form-send-location = 📍 Пожалуйста, нажмите на кнопку, чтобы отправить свою геопозицию.
form-file-too-big = ⚠️ Этот файл слишком большой: Telegram позволяет мне получать файлы не больше 20 МБ. Пожалуйста, отправьте файл поменьше.
form-finished = 🎉 Спасибо! Ваши ответы на опрос «{ $title }» сохранены.
form-closed = ⌛ Этот опрос закрыт.
form-already-done = 🏁 Вы уже ответили на этот опрос. Спасибо!
form-none-open = 📋 Сейчас у вас нет опросов, на которые нужно ответить.
form-open-list = 📋 Ваши опросы:
btn-forms = 📋 Опросы

## Опросы: загрузка, запуск, результаты (агент CDA)
import-ok = 📥 Опрос «{ $title }» загружен: { $count ->
        [one] { $count } вопрос
        [few] { $count } вопроса
        [many] { $count } вопросов
       *[other] { $count } вопроса
    }; языки: { $languages }.
import-one-language = один, без названия языка
import-texts-cut = ✂️ Некоторые тексты были слишком длинными для чата и обрезаны (в конце «…»):
    { $texts }
import-unchanged = ℹ️ Эта версия опроса «{ $title }» уже загружена.
import-version-conflict = ⚠️ Другая форма с тем же id и той же версией уже загружена. Измените версию на листе settings и отправьте файл снова.
import-failed = ❌ Форма не загружена. Пожалуйста, исправьте эти ошибки и отправьте её снова:
    { $problems }
import-not-xlsx = 📎 Пожалуйста, отправьте опрос файлом XLSForm (.xlsx).
btn-launch = 🚀 Запустить
btn-results = 📊 Результаты
launch-choose-form = 📋 Какой опрос?
launch-no-forms = 📋 Опросов пока нет. Чтобы загрузить опрос, пришлите мне файл XLSForm (.xlsx).
launch-choose-audience = 👥 Кто должен ответить?
btn-audience-cluster = 🌍 Все
btn-audience-leaders = 👩‍💼 Руководители
btn-audience-producers = 🧑‍🌾 Производители
launch-choose-deadline = ⏳ Сколько времени дать на ответ?
btn-deadline-days = { $days ->
        [one] ⏳ { $days } день
        [few] ⏳ { $days } дня
        [many] ⏳ { $days } дней
       *[other] ⏳ { $days } дня
    }
btn-deadline-none = ♾️ Без срока
launch-sent = 🚀 Опрос запущен: { $count ->
        [one] приглашение отправляется { $count } участнику.
        [few] приглашения отправляются { $count } участникам.
        [many] приглашения отправляются { $count } участникам.
       *[other] приглашения отправляются { $count } участникам.
    } В /results видно, до кого не удалось достучаться.
launch-nobody = 🤷 Пока ни с кем из этой группы нельзя связаться.
results-choose = 📊 Результаты какого опроса?
results-none = 📊 В ваших { -cluster(number: "other", case: "prep") } ещё не запускали ни одного опроса.
results-summary = 📊 { $title }
    Приглашены: { $invited } · Начали: { $started } · Закончили: { $finished }
results-by-cooperative = 🏠 По { -cooperative(number: "other", case: "dat") }:
results-by-gender = 👥 По полу:
results-line = • { $group }: закончили { $finished }, начали { $started }, приглашены { $invited }
results-no-cooperative = без { -cooperative(case: "gen") }
results-chart-caption = 📊 { $question } ({ $count ->
        [one] { $count } ответ
        [few] { $count } ответа
        [many] { $count } ответов
       *[other] { $count } ответа
    })

## Общие дела: отчёты о ходе работы
btn-report = 📝 Отчёт
report-no-actions = 🎯 Сейчас нет открытых { -joint-action(number: "other", case: "gen") }, по которым вы можете отчитаться.
report-choose-action = 🎯 Какой { -joint-action }?
report-ask-status = 🎯 «{ $action }»: как идёт работа?
report-confirm-done = 🏁 «{ $action }» завершён для всего { -cooperative(case: "gen") }? После этого по нему больше никто не отчитывается.
btn-done-yes = 🏁 Да, завершён
btn-done-no = ↩️ Нет, ещё нет
checkin-ask = 👋 Как продвигается { -joint-action } «{ $action }»? Достаточно одного нажатия.
status-not-started = Не начат
status-on-track = По плану
status-delayed = С задержкой
status-blocked = Застопорился
status-done = Выполнен
report-ask-blocker = 🔴 Что мешает?
blocker-money = 💰 Деньги
blocker-inputs = 📦 Сырьё
blocker-people = 👥 Люди
blocker-equipment = ⚙️ Оборудование
blocker-permits = 📜 Разрешения
blocker-other = ✏️ Другое
report-blocker-explain = 🎤 Пожалуйста, расскажите, что мешает: отправьте после этого голосовое или текстовое сообщение.
report-ask-progress = 📈 Насколько продвинулась работа?
report-ask-progress-target = 📈 Насколько продвинулась работа? Нажмите на процент или напишите, сколько уже сделано (цель: { $target }).
report-not-a-number = 🔢 Пожалуйста, нажмите на процент или напишите число.
report-recorded = 📥 Записано. «{ $action }»: { $summary }.
    Теперь можно отправить заметку: текстовое сообщение, голосовое 🎤 или фото 📷. Отменить отчёт можно в течение { $minutes ->
        [one] { $minutes } минуты
       *[other] { $minutes } минут
    }.
btn-report-undo = ↩️ Отменить
btn-report-finish = ⏹️ Завершить
report-note-added = 📎 Заметка добавлена. Отправьте ещё одну или нажмите ⏹️ Завершить.
report-note-kinds = 📎 Заметкой может быть текстовое сообщение, голосовое сообщение или фото.
report-undone = ↩️ Отчёт отменён.
report-undo-too-late = ⌛ Этот отчёт уже нельзя отменить. Лучше отправьте новый.
report-already-done = 🏁 Этот { -joint-action } уже выполнен. Спасибо!

## Общие дела: план действий (агенты CDA и руководители)
btn-progress = 📈 Ход работ
error-not-leader = ⛔ Ход { -joint-action(number: "other", case: "gen") } могут смотреть только руководители { -cooperative(number: "other", case: "gen") } и { -cda(number: "other") }.
progress-title = 📈 { -joint-action(number: "other", case: "Nom") }:
progress-no-report = отчётов пока нет
progress-empty = 🎯 { -joint-action(number: "other", case: "Nom") } пока не добавлены.
progress-warning-legend = ⚠️ означает, что никто не отчитывался дольше, чем положено по графику напоминаний для этого дела.
progress-reports-by = 📊 Кто присылает отчёты:
btn-progress-chart = 📊 График
progress-chart-title = 📈 Ход { -joint-action(number: "other", case: "gen") } (%)
btn-action-add = ➕ Добавить { -joint-action(case: "acc") }
action-whole-cluster = весь { -cluster }
action-details = 👥 { $owners } · 📅 с { $start } по { $due }
btn-note-voice = 🎤 Голосовое
btn-note-photo = 📷 Фото
progress-media-caption = 👤 От: { $who } · 🎯 { $action } · 🕒 { $when }
note-media-caption = 📝 Полевая заметка от { $who } · { $cluster } · 🕒 { $when }
action-ask-title = ✍️ Как называется { -joint-action }? Например: Совместная закупка удобрений.
action-ask-description = 📝 Опишите его одним предложением или нажмите ⏭ Пропустить.
action-ask-owners = 🏠 Какие { -cooperative(number: "other") } за него отвечают? Нажмите, чтобы выбрать, затем ✔️ Готово. Если проект касается всего { -cluster(case: "gen") }, не выбирайте ни одного.
action-ask-start = 📅 Когда оно начинается? Напишите дату, например 01.12.2026, или нажмите «Сегодня».
action-ask-due = 📅 К какому сроку его нужно выполнить? Напишите дату или нажмите на кнопку.
btn-months = { $months ->
        [one] 📅 Через { $months } месяц
        [few] 📅 Через { $months } месяца
        [many] 📅 Через { $months } месяцев
       *[other] 📅 Через { $months } месяца
    }
action-ask-target = 🎯 Есть ли цель в цифрах? Напишите её с единицей измерения, например 10 т или 500 кг, или нажмите ⏭ Пропустить.
action-ask-rhythm = ⏰ Как часто мне спрашивать ответственных, как идут дела?
btn-no-checkins = 🔕 Никогда
action-due-before-start = 📅 Срок выполнения должен быть позже даты начала.
action-reask = ✍️ Я не понял ответ. Пожалуйста, ответьте на вопрос ниже.
action-added = 📥 { -joint-action(case: "Nom") } добавлен: «{ $action }».
btn-action-translate = 🌐 Название на другом языке
action-translate-language = 🌐 На каком языке?
action-translate-type = ✍️ Напишите название «{ $action }» на языке: { $language }.
action-translate-saved = 📥 Название ({ $language }): { $title }

## Встречи
btn-meetings = 📅 Встречи
meeting-invitation = 📅 Приглашение: { $title }
    🗓 { $when }
    📍 { $place }
    Вы придёте?
meeting-reminder = ⏰ Напоминание: { $title }
    🗓 { $when }
    📍 { $place }
meeting-moved = 🕒 Новое время: { $title }
    🗓 { $when }
    📍 { $place }
    Вы придёте в новое время?
meeting-cancelled = 🗑 Отмена: встреча «{ $title }» ({ $when }) не состоится.
meeting-nudge = 🔔 Пожалуйста, сообщите, придёте ли вы: { $title }
    🗓 { $when }
    📍 { $place }
meeting-your-answer = Ваш ответ: { $answer }
meeting-answer-again = Вы ответили { $answer } для прежнего времени — пожалуйста, ответьте ещё раз.
meeting-before-change = ↩️ Ответы до изменения: { $names }
rsvp-coming = Приду
rsvp-not-coming = Не приду
rsvp-maybe = Возможно
meeting-closed = ⌛ Эта встреча уже началась или отменена.
meeting-ask-title = 📅 Что это за встреча? Например: { -commission } или Собрание { -cooperative(case: "gen") }.
meeting-ask-day = 🗓 В какой день? Нажмите на день или напишите дату и время, например 25.12.2026 14:30.
meeting-ask-time = 🕒 Во сколько? Нажмите на время или напишите его, например 14:30.
meeting-ask-place = 📍 Где? Напишите место или отправьте геопозицию.
meeting-ask-audience = 👥 Кто приглашён?
btn-audience-commission = 🏛️ { -commission }
meeting-ask-reminders = ⏰ Когда напомнить участникам? Нажмите, чтобы изменить, затем ✔️ Готово.
reminder-1w = За неделю
reminder-1d = За день
reminder-3h = За 3 часа
reminder-1h = За час
meeting-time-past = ⌛ Это время уже прошло. Пожалуйста, выберите время в будущем.
meeting-time-skipped = 🕒 В этот день такого времени нет: часы переводятся. Пожалуйста, выберите другое время.
meeting-time-unreadable = 🕒 Я не понял. Пожалуйста, напишите, например, так: 25.12.2026 14:30, или нажмите на кнопку.
meeting-scheduled = 📅 Встреча назначена: «{ $title }», { $when }. { $count ->
        [one] Приглашён { $count } человек.
        [few] Приглашены { $count } человека.
        [many] Приглашены { $count } человек.
       *[other] Приглашены { $count } человека.
    }
btn-meeting-details = 👥 Кто придёт
meetings-title = 📅 Ближайшие встречи:
meetings-none = 📅 Встреч не запланировано.
meeting-is-cancelled = 🗑 Отменена.
meeting-unanswered = ⏳ Ещё не ответили: { $names }
meeting-unreachable = 🚫 Не удалось связаться: { $names }
btn-meeting-remind = 🔔 Напомнить тем, кто не ответил
btn-meeting-move = 🕒 Изменить время
btn-meeting-cancel = 🗑 Отменить встречу
btn-meeting-cancel-confirm = 🗑 Да, отменить
meeting-cancel-ask = 🗑 Отменить встречу «{ $title }»? Всем приглашённым сообщат об этом.
meeting-cancel-done = 🗑 Встреча «{ $title }» отменена. Всем приглашённым сообщат об этом.
meeting-moved-done = 🕒 Новое время встречи «{ $title }»: { $when }. Всем приглашённым сообщат об этом.
meeting-reminded = { $count ->
        [one] 🔔 Отправляю { $count } напоминание.
        [few] 🔔 Отправляю { $count } напоминания.
        [many] 🔔 Отправляю { $count } напоминаний.
       *[other] 🔔 Отправляю { $count } напоминания.
    }

## Полевые заметки (агент CDA)
field-note-saved = 📝 Сохранено как полевая заметка { -cluster(case: "gen") } { $cluster }. Добавить метку?
btn-tag-meeting = 🤝 Встреча
btn-tag-visit = 🚶 Визит
btn-tag-problem = ⚠️ Проблема
btn-tag-success = 🌟 История успеха
field-note-tagged = 🏷️ Метка: { $tag }
cluster-choose = 🌍 В каком { -cluster(case: "prep") } вы работаете?
cluster-chosen = 🌍 Теперь ваши полевые заметки попадают в { -cluster } { $cluster }.
notes-title = 📝 Последние полевые заметки { -cluster(case: "gen") } { $cluster }:
notes-none = 📝 Полевых заметок пока нет. Пришлите мне сообщение, голосовое, фото, документ или геопозицию.
btn-note-document = 📄 Документ
btn-note-location = 📍 Геопозиция

## Выгрузка данных (агент CDA)
btn-export = 📤 Выгрузка
export-choose-dataset = 📤 Какие данные выгрузить?
btn-export-members = 👥 Участники
btn-export-responses = 📋 Ответы на опросы
btn-export-reports = 📈 Отчёты о ходе работ
btn-export-meetings = 📅 Встречи и ответы
btn-export-notes = 📝 Полевые заметки
export-choose-format = 📤 В каком формате?
btn-export-csv = 📄 Файл CSV
btn-export-xlsx = 📊 Файл Excel
btn-export-zip = 📦 Excel + медиафайлы (ZIP)
export-ready = 📤 { $rows ->
        [one] { $rows } строка.
        [few] { $rows } строки.
        [many] { $rows } строк.
       *[other] { $rows } строки.
    }
export-media-ready = 📦 Голосовые сообщения и фото: { $files ->
        [one] { $files } файл.
        [few] { $files } файла.
        [many] { $files } файлов.
       *[other] { $files } файла.
    }
export-too-big = 📤 Этот файл слишком большой, чтобы отправить его в Telegram (больше 50 МБ). Пожалуйста, воспользуйтесь командной строкой: clusterbot export.

## Меню команд
cmd-start = Начать или вступить по приглашению
cmd-menu = Главное меню
cmd-mydata = Что обо мне сохранено
cmd-language = Сменить язык
cmd-help = Помощь
cmd-forget = Удалить мои личные данные
cmd-invite = Создать приглашение ({ -cda })
cmd-forms = Мои опросы
cmd-launch = Запустить опрос ({ -cda })
cmd-results = Результаты опросов ({ -cda })
cmd-report = Сообщить, как идёт { -joint-action }
cmd-progress = Ход { -joint-action(number: "other", case: "gen") } (руководители, { -cda })
cmd-actions = План действий ({ -cda })
cmd-meeting = Назначить встречу (руководители, { -cda })
cmd-meetings = Ближайшие встречи и ответы (руководители, { -cda })
cmd-notes = Последние полевые заметки ({ -cda })
cmd-cluster = Выбрать { -cluster } для работы ({ -cda })
cmd-export = Выгрузить данные в таблицу ({ -cda })

## Голос на каждом шаге, связь с CDA, бот говорит (задача 12)
btn-ask-cda = 🙋 Спросить { -cda(case: "acc") }
cmd-ask = Задать вопрос своему { -cda(case: "dat") }
cmd-questions = Вопросы участников (CDA)
cmd-names = Имена, сказанные голосом (CDA)
ask-prompt = 🙋 Что вы хотите спросить у { -cda(case: "gen") }? Напишите или отправьте голосовое сообщение 🎤.
ask-sent = 📨 Отправлено вашему { -cda(case: "dat") }. Ответ придёт сюда.
ask-kept = 📥 Сохранено для вашего { -cda(case: "gen") }, ответ придёт сюда.
ask-question = 🙋 Вопрос от: { $who } ({ $cluster }):
ask-question-voice = 🎤 Голосовое сообщение: послушайте его выше.
ask-reply-hint = ↩️ Ответьте на это сообщение (текстом или голосом), чтобы ответить на вопрос.
ask-answer = 💬 Ответ вашего { -cda(case: "gen") } ({ $cda }):
ask-answer-how = ↩️ Пожалуйста, ответьте текстом или голосовым сообщением.
ask-answer-sent = 📨 Ваш ответ отправляется: { $name }.
questions-title = 🙋 Вопросы участников { -cluster(case: "gen") } { $cluster } (↩️ — ответить):
questions-none = Вопросов пока нет.
question-waiting = ⏳ ждёт ответа
question-answered = ✔️ ответ дал(а): { $cda }
names-title = 🎤 Участники { -cluster(case: "gen") } { $cluster }, назвавшие имя голосом:
names-none = Никто не назвал имя голосом.
names-type = ✍️ Напишите имя этого участника.
names-saved = ✔️ Имя сохранено: { $name }
name-voice-hint = 🎤 Имя можно также сказать в голосовом сообщении.
name-voice-kept = 🎤 Спасибо, я сохранил ваше имя так, как вы его сказали.
results-voice-review = 🎤 Ответы голосом, проверить — { $question }: { $count }
btn-speak = 🔊 Послушать
tts-failed = 🔇 Извините, сейчас не получается прочитать это вслух.

## Dates and times as people read them (issue 12 item 5). Selector values are codes.
read-today = сегодня
read-tomorrow = завтра
read-yesterday = вчера
read-weekday = { $weekday ->
    [mon] пн
    [tue] вт
    [wed] ср
    [thu] чт
    [fri] пт
    [sat] сб
   *[sun] вс
}
read-month = { $month ->
    [1] янв.
    [2] февр.
    [3] марта
    [4] апр.
    [5] мая
    [6] июня
    [7] июля
    [8] авг.
    [9] сент.
    [10] окт.
    [11] нояб.
   *[12] дек.
}
read-day-part = { $part ->
    [small-hours] ночи
    [morning] утра
    [afternoon] дня
    [evening] вечера
   *[night] вечера
}
read-location-pin = место на карте ниже

## Fewer words (issue 12 item 7): the short consent, its "more" button, /help's buttons.
consent-short = 🔒 Для участия в { $cluster } я сохраню имя, язык, пол, { -cooperative } и ответы для { -cda(case: "gen") }. Посмотреть: /mydata. Удалить: /forget.
btn-more = ℹ️ Подробнее
help-title = ❓ Что вы хотите сделать?
