## clusterbot — Español
## Las claves están agrupadas por función. Cada clave existe en cada idioma con las mismas variables.

## Palabras que cada despliegue puede elegir: reemplace estos términos en LOCALES_DIR/es/*.ftl
## (p. ej. -cooperative = consorcio). `number`: "one" u "other"; `cap`: "yes" al inicio de una frase.
-cluster = { $number ->
       *[one] { $cap ->
            [yes] Clúster
           *[no] clúster
        }
        [other] { $cap ->
            [yes] Clústeres
           *[no] clústeres
        }
    }
-cooperative = { $number ->
       *[one] { $cap ->
            [yes] Cooperativa
           *[no] cooperativa
        }
        [other] { $cap ->
            [yes] Cooperativas
           *[no] cooperativas
        }
    }
-cda = CDA
-cda-long = { $number ->
       *[one] agente de desarrollo del clúster
        [other] agentes de desarrollo del clúster
    }
-joint-action = { $number ->
       *[one] { $cap ->
            [yes] Acción conjunta
           *[no] acción conjunta
        }
        [other] { $cap ->
            [yes] Acciones conjuntas
           *[no] acciones conjuntas
        }
    }
-commission = Comisión del clúster

## Unirse (/start)
start-no-code = 👋 ¡Hola! Recopilo información del campo para las redes de { -cluster(number: "other") }: avances de las { -joint-action(number: "other") }, cuestionarios cortos y recordatorios de reuniones.
    Para unirse, pida a su { -cda-long } ({ -cda }) un enlace de invitación y ábralo.
start-invalid-code = ❌ Este código de invitación no es válido. Por favor, revise el enlace o pida uno nuevo a su { -cda }.
start-expired = ⌛ Esta invitación ya venció. Por favor, pida una nueva a su { -cda }.
start-used-up = 🚫 Esta invitación ya se usó todas las veces permitidas. Por favor, pida una nueva a su { -cda }.
start-already-member = ℹ️ Usted ya es miembro de { $cluster }.
start-added-cluster = 🤝 Ahora también forma parte de { $cluster } como { $role }.
start-too-many = ⏳ Demasiados códigos incorrectos. Por favor, espere { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    } y vuelva a intentarlo, o pida un nuevo enlace a su { -cda }.

## Registro
onboarding-welcome = 👋 ¡Le damos la bienvenida! Tiene una invitación para unirse a { $cluster }.
lang-choose = 🌐 Elija su idioma:
consent-ask = 🔒 Para participar en { $cluster }, voy a guardar su nombre, su idioma, si es mujer u hombre (si lo indica), su { -cooperative } y sus respuestas. Su { -cda-long } los usa para seguir el trabajo del { -cluster }. Puede verlos con /mydata y borrarlos con /forget en cualquier momento.
btn-agree = ✅ Acepto
btn-decline = ✋ No, gracias
consent-declined = 👌 Entendido. No se guardó nada sobre usted. Si cambia de opinión, abra de nuevo el enlace de invitación.
name-ask = ✍️ ¿Cuál es su nombre? Toque el botón si es correcto, o escriba su nombre.
name-ask-type = ✍️ ¿Cuál es su nombre? Por favor, escríbalo.
name-invalid = ✍️ Por favor, escriba su nombre con letras, hasta 64 caracteres.
reask-name = ✍️ Por favor, escriba su nombre como texto, o toque el botón con su nombre.
gender-ask = 👤 ¿Es usted mujer u hombre? Esto ayuda al { -cluster } a ver cómo participan las mujeres. También puede preferir no decirlo.
btn-woman = 👩 Mujer
btn-man = 👨 Hombre
btn-undisclosed = 🤐 Prefiero no decirlo
coop-ask = 🏠 ¿De qué { -cooperative } forma parte?
btn-no-coop = 🚫 Ninguna
btn-back = ⬅️ Volver
reask-buttons = 👇 Por favor, toque uno de los botones de abajo.
onboarding-finish-first = 👇 Por favor, primero termine de unirse.
onboarding-done = 🎉 ¡Le damos la bienvenida, { $name }! Ahora es miembro de { $cluster } como { $role }.

## Roles
role-producer = { $gender ->
        [woman] productora
        [man] productor
       *[other] miembro productor
    }
role-leader = líder de { -cooperative }
role-cda = { -cda-long } ({ -cda })

## Menú principal y ayuda
menu-title = 🏠 Menú principal: ¿qué desea hacer?
btn-mydata = 👤 Mis datos
btn-language = 🌐 Idioma
btn-help = ❓ Ayuda
btn-invite = ➕ Invitar
not-understood = 🤔 Disculpe, no entendí. Aquí está el menú:
dialogue-lost = 🔄 El bot se actualizó y perdió el hilo de la conversación. Sigamos de nuevo.
lang-changed = 🌐 A partir de ahora le escribiré en español.

## Mis datos
mydata-title = 👤 Lo que clusterbot guarda sobre usted:
mydata-name = Nombre: { $name }
mydata-language = Idioma: { $language }
mydata-gender = Sexo: { $answer }
mydata-membership = { -cluster(cap: "yes") } { $cluster }: { $role }
mydata-membership-coop = { -cluster(cap: "yes") } { $cluster }: { $role }, { $cooperative }
mydata-consent = Consentimiento dado el { $date }
mydata-telegram = ID de Telegram: { $id }
mydata-forget-hint = Para borrar sus datos personales, envíe /forget.
mydata-none = ℹ️ clusterbot no guarda nada sobre usted.
gender-woman = mujer
gender-man = hombre
gender-undisclosed = prefiere no decirlo
gender-unknown = no indicado

## Borrar datos
forget-confirm = 🗑 ¿Borrar sus datos personales? Se borrarán su nombre, su cuenta de Telegram, su sexo y su idioma. Las respuestas que dio quedan solo de forma anónima, sin su nombre.
btn-forget-yes = 🗑 Sí, borrar
btn-forget-no = ↩️ No, conservar
forget-done = 🗑️ Sus datos personales fueron borrados. ¡Hasta luego! Para volver a unirse, pida una nueva invitación a su { -cda }.
forget-kept = 👌 No se borró nada.
forget-nothing = ℹ️ No hay datos personales suyos para borrar.

## Invitaciones creadas en el chat (CDA)
invite-choose-role = ➕ ¿Para quién es la invitación?
btn-role-producer = 🧑‍🌾 Productor
btn-role-leader = 👩‍💼 Líder
btn-role-cda = 🧭 Agente { -cda }
invite-choose-cluster = 🌍 ¿Qué { -cluster }?
invite-choose-coop = 🏠 ¿Qué { -cooperative }?
invite-created = 🔗 Invitación para { $cluster }, como { $role }:
    { $link }
    { $uses ->
        [one] Se puede usar una sola vez, hasta el { $expires }.
       *[other] La pueden usar { $uses } personas, hasta el { $expires }.
    }
    Reenvíela a la persona o compártala en su grupo.

## Errores y avisos
button-expired = ⌛ Este botón ya no está activo.
error-not-allowed = ⛔ Solo los { -cda-long(number: "other") } ({ -cda }) pueden hacer esto.
error-generic = ⚠️ Algo salió mal de nuestro lado. Por favor, intente de nuevo en un momento.
error-internal = ⚠️ Algo salió mal de nuestro lado. Lo que envió está guardado; por favor, intente de nuevo en un momento.
error-no-longer-active = ⌛ Esto ya no está activo.
error-not-found = 🔎 Esto ya no está aquí: puede que se haya eliminado.
group-private-only = 💬 Por favor, hábleme en un chat privado: toque mi nombre y luego Iniciar.

## Cuestionarios: responder
form-invitation = 📋 Nuevo cuestionario: { $title }
    { $count ->
        [one] Una pregunta.
       *[other] { $count } preguntas.
    } Toque Empezar cuando quiera; puede detenerse y continuar más tarde.
form-invitation-deadline = ⏳ Por favor, responda antes del { $date }.
form-nudge = ⏰ Recordatorio: por favor, responda el cuestionario { $title } antes del { $date }. Solo toma unos minutos.
btn-form-start = ▶️ Empezar
btn-form-continue = ▶️ Continuar
btn-form-next = ➡️ Siguiente
btn-form-ok = ✅ Entendido
btn-form-done = ✔️ Listo
btn-form-skip = ⏭ Omitir
btn-form-repeat = 🔁 Repetir
btn-form-today = 📅 Hoy
btn-form-yesterday = 📅 Ayer
btn-form-other = ✏️ Otro
btn-form-location = 📍 Enviar ubicación
form-hint-text = ✍️ Escriba su respuesta o envíe una nota de voz 🎤.
form-hint-number = 🔢 Escriba un número.
form-hint-decimal = 🔢 Escriba un número, por ejemplo 2,5.
form-hint-date = 📅 Escriba una fecha como 25/12/2024, o toque un botón.
form-hint-audio = 🎤 Envíe una nota de voz.
form-hint-image = 📷 Envíe una foto.
form-hint-geopoint = 📍 Toque el botón de abajo para enviar su ubicación.
form-hint-multiple = ☑️ Toque todas las respuestas que correspondan y luego ✔️ Listo.
form-specify-other = ✏️ Por favor, diga qué es: escríbalo o envíe una nota de voz.
form-not-a-number = 🔢 Por favor, escriba un número, por ejemplo 12.
form-not-whole = 🔢 Por favor, escriba un número entero, sin decimales.
form-not-a-date = 📅 Por favor, escriba una fecha como 25/12/2024.
form-constraint-default = ⚠️ Esta respuesta no es posible aquí. Por favor, revísela y responda de nuevo.
form-required = ❗ Esta pregunta necesita una respuesta.
form-use-buttons = 👇 Por favor, responda con los botones.
form-voice-kept = 🎤 Gracias, guardé su nota de voz. Por favor, toque también uno de los botones.
form-send-voice = 🎤 Por favor, envíe una nota de voz: mantenga presionado el botón del micrófono mientras habla.
form-send-photo = 📷 Por favor, envíe una foto.
form-send-location = 📍 Por favor, toque el botón para enviar su ubicación.
form-file-too-big = ⚠️ Este archivo es demasiado grande: Telegram me deja recibir hasta 20 MB. Por favor, envíe uno más corto.
form-finished = 🎉 ¡Gracias! Sus respuestas al cuestionario { $title } quedaron guardadas.
form-closed = ⌛ Este cuestionario está cerrado.
form-already-done = 🏁 Usted ya respondió este cuestionario. ¡Gracias!
form-none-open = 📋 Por ahora no tiene ningún cuestionario por responder.
form-open-list = 📋 Sus cuestionarios:
btn-forms = 📋 Cuestionarios

## Cuestionarios: importar, lanzar, resultados (CDA)
import-ok = 📥 Se importó { $title }: { $count ->
        [one] una pregunta
       *[other] { $count } preguntas
    }; idiomas: { $languages }.
import-one-language = uno, sin nombre de idioma
import-texts-cut = ✂️ Algunos textos eran demasiado largos para un chat y se cortaron (terminan en «…»):
    { $texts }
import-unchanged = ℹ️ Esta versión de { $title } ya estaba importada.
import-version-conflict = ⚠️ Ya hay otro formulario importado con el mismo id y la misma versión. Cambie la versión en la hoja settings y envíelo de nuevo.
import-failed = ❌ El formulario no se importó. Por favor, corrija estos problemas y envíelo de nuevo:
    { $problems }
import-not-xlsx = 📎 Por favor, envíe el cuestionario como archivo XLSForm (.xlsx).
btn-launch = 🚀 Lanzar
btn-results = 📊 Resultados
launch-choose-form = 📋 ¿Qué cuestionario?
launch-no-forms = 📋 Todavía no hay ningún cuestionario. Envíeme un archivo XLSForm (.xlsx) para importar uno.
launch-choose-audience = 👥 ¿Quién debe responder?
btn-audience-cluster = 🌍 Todos
btn-audience-leaders = 👩‍💼 Líderes
btn-audience-producers = 🧑‍🌾 Productores
launch-choose-deadline = ⏳ ¿En qué plazo se debe responder?
btn-deadline-days = { $days ->
        [one] ⏳ 1 día
       *[other] ⏳ { $days } días
    }
btn-deadline-none = ♾️ Sin plazo
launch-sent = 🚀 Lanzado: { $count ->
        [one] se está enviando la invitación a un miembro.
       *[other] se están enviando las invitaciones a { $count } miembros.
    } En /results verá a quien no se pueda contactar.
launch-nobody = 🤷 Todavía no se puede contactar a nadie de ese grupo.
results-choose = 📊 ¿Resultados de qué cuestionario?
results-none = 📊 Todavía no se ha lanzado ningún cuestionario en sus { -cluster(number: "other") }.
results-summary = 📊 { $title }
    Invitados: { $invited } · Empezaron: { $started } · Terminaron: { $finished }
results-by-cooperative = 🏠 Por { -cooperative }:
results-by-gender = 👥 Por sexo:
results-line = • { $group }: { $finished } terminaron, { $started } empezaron, { $invited } invitados
results-no-cooperative = sin { -cooperative }
results-chart-caption = 📊 { $question } ({ $count ->
        [one] una respuesta
       *[other] { $count } respuestas
    })

## Acciones conjuntas: informar del avance
btn-report = 📝 Informar
report-no-actions = 🎯 No tiene ninguna { -joint-action } abierta sobre la que informar.
report-choose-action = 🎯 ¿Qué { -joint-action }?
report-ask-status = 🎯 { $action }: ¿cómo va?
report-confirm-done = 🏁 ¿{ $action } está terminada para toda la { -cooperative }? Una vez terminada, nadie informará más sobre ella.
btn-done-yes = 🏁 Sí, está terminada
btn-done-no = ↩️ No, todavía no
checkin-ask = 👋 ¿Cómo va { $action }? Basta con tocar un botón.
status-not-started = Sin empezar
status-on-track = En buen camino
status-delayed = Con retraso
status-blocked = Bloqueada
status-done = Terminada
report-ask-blocker = 🔴 ¿Qué la está bloqueando?
blocker-money = 💰 Dinero
blocker-inputs = 📦 Insumos
blocker-people = 👥 Personas
blocker-equipment = ⚙️ Equipos
blocker-permits = 📜 Permisos
blocker-other = ✏️ Otro
report-blocker-explain = 🎤 Por favor, cuénteme qué la bloquea en una nota de voz o en un mensaje después de este.
report-ask-progress = 📈 ¿Cuánto se ha avanzado?
report-ask-progress-target = 📈 ¿Cuánto se ha avanzado? Toque un porcentaje o escriba cuánto se ha hecho (la meta es { $target }).
report-not-a-number = 🔢 Por favor, toque un porcentaje o escriba un número.
report-recorded = 📥 Registrado: { $action }: { $summary }.
    Ahora puede enviar una nota: un mensaje, una nota de voz 🎤 o una foto 📷. Puede deshacer el informe durante { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    }.
btn-report-undo = ↩️ Deshacer
btn-report-finish = ⏹️ Terminar
report-note-added = 📎 Nota agregada. Envíe otra o toque ⏹️ Terminar.
report-note-kinds = 📎 Una nota puede ser un mensaje, una nota de voz o una foto.
report-undone = ↩️ El informe fue retirado.
report-undo-too-late = ⌛ Ya es tarde para deshacer este informe. Mejor envíe uno nuevo.
report-already-done = 🏁 Esta { -joint-action } ya está terminada. ¡Gracias!

## Acciones conjuntas: el plan de acción (CDA y líderes)
btn-progress = 📈 Avance
error-not-leader = ⛔ Solo los líderes de { -cooperative } y los { -cda } pueden ver el avance de las { -joint-action(number: "other") }.
progress-title = 📈 { -joint-action(number: "other", cap: "yes") }:
progress-no-report = todavía sin informes
progress-empty = 🎯 Todavía no hay ninguna { -joint-action }.
progress-warning-legend = ⚠️ significa que nadie ha informado durante más tiempo que el ritmo de seguimiento de la acción.
progress-reports-by = 📊 Quién informa:
btn-progress-chart = 📊 Gráfico
progress-chart-title = 📈 Avance de las { -joint-action(number: "other") } (%)
btn-action-add = ➕ Agregar { -joint-action }
action-whole-cluster = todo el { -cluster }
action-details = 👥 { $owners } · 📅 del { $start } al { $due }
btn-note-voice = 🎤 Nota de voz
btn-note-photo = 📷 Foto
progress-media-caption = 👤 De { $who } · 🎯 { $action } · 🕒 { $when }
note-media-caption = 📝 Nota de campo de { $who } · { $cluster } · 🕒 { $when }
action-ask-title = ✍️ ¿Cómo se llama la { -joint-action }? Por ejemplo: Compra conjunta de fertilizante.
action-ask-description = 📝 Descríbala en una frase, o toque ⏭ Omitir.
action-ask-owners = 🏠 ¿Qué { -cooperative(number: "other") } la llevan a cabo? Tóquelas para seleccionarlas y luego ✔️ Listo. No seleccione ninguna si es de todo el { -cluster }.
action-ask-start = 📅 ¿Cuándo empieza? Escriba una fecha como 01/12/2026, o toque Hoy.
action-ask-due = 📅 ¿Para cuándo debe estar terminada? Escriba una fecha o toque un botón.
btn-months = { $months ->
        [one] 📅 En 1 mes
       *[other] 📅 En { $months } meses
    }
action-ask-target = 🎯 ¿Hay una meta? Escríbala con su unidad, por ejemplo 10 t o 500 kg, o toque ⏭ Omitir.
action-ask-rhythm = ⏰ ¿Cada cuánto debo preguntar a los responsables cómo va?
btn-no-checkins = 🔕 Nunca
action-due-before-start = 📅 La fecha límite debe ser posterior a la fecha de inicio.
action-reask = ✍️ No entendí eso. Por favor, responda la pregunta de abajo.
action-added = 📥 { -joint-action(cap: "yes") } agregada: { $action }.
btn-action-translate = 🌐 Título en otro idioma
action-translate-language = 🌐 ¿En qué idioma?
action-translate-type = ✍️ Escriba el título de { $action } en { $language }.
action-translate-saved = 📥 Título en { $language }: { $title }

## Reuniones
btn-meetings = 📅 Reuniones
meeting-invitation = 📅 Invitación: { $title }
    🗓 { $when }
    📍 { $place }
    ¿Va a venir?
meeting-reminder = ⏰ Recordatorio: { $title }
    🗓 { $when }
    📍 { $place }
meeting-moved = 🕒 Nuevo horario: { $title }
    🗓 { $when }
    📍 { $place }
    ¿Va a venir en el nuevo horario?
meeting-cancelled = 🗑 Cancelación: { $title } ({ $when }) no se realizará.
meeting-nudge = 🔔 Por favor, díganos si va a venir: { $title }
    🗓 { $when }
    📍 { $place }
meeting-your-answer = Su respuesta: { $answer }
meeting-answer-again = Usted había respondido { $answer } para la hora anterior — por favor, responda de nuevo.
meeting-before-change = ↩️ Respuestas antes del cambio: { $names }
rsvp-coming = Voy
rsvp-not-coming = No voy
rsvp-maybe = Tal vez
meeting-closed = ⌛ Esta reunión ya empezó o fue cancelada.
meeting-ask-title = 📅 ¿De qué reunión se trata? Por ejemplo: { -commission }, o Reunión de la { -cooperative }.
meeting-ask-day = 🗓 ¿Qué día? Toque un día, o escriba la fecha y la hora, por ejemplo 25/12/2026 14:30.
meeting-ask-time = 🕒 ¿A qué hora? Toque una hora, o escríbala, por ejemplo 14:30.
meeting-ask-place = 📍 ¿Dónde? Escriba el lugar, o envíe una ubicación.
meeting-ask-audience = 👥 ¿Quién está invitado?
btn-audience-commission = 🏛️ { -commission }
meeting-ask-reminders = ⏰ ¿Cuándo debo enviar recordatorios a los invitados? Toque para cambiar y luego ✔️ Listo.
reminder-1w = 1 semana antes
reminder-1d = 1 día antes
reminder-3h = 3 horas antes
reminder-1h = 1 hora antes
meeting-time-past = ⌛ Esa hora ya pasó. Por favor, elija una hora futura.
meeting-time-skipped = 🕒 Esa hora no existe ese día porque se cambia la hora. Por favor, elija otra hora.
meeting-time-unreadable = 🕒 No pude entender eso. Por favor, escríbalo así: 25/12/2026 14:30, o toque un botón.
meeting-scheduled = 📅 Reunión programada: { $title }, { $when }. { $count ->
        [one] Se invitó a una persona.
       *[other] Se invitó a { $count } personas.
    }
btn-meeting-details = 👥 Quién va
meetings-title = 📅 Próximas reuniones:
meetings-none = 📅 No hay ninguna reunión prevista.
meeting-is-cancelled = 🗑 Cancelada.
meeting-unanswered = ⏳ Todavía sin respuesta: { $names }
meeting-unreachable = 🚫 No se pudo contactar: { $names }
btn-meeting-remind = 🔔 Recordar a quienes no respondieron
btn-meeting-move = 🕒 Cambiar la hora
btn-meeting-cancel = 🗑 Cancelar la reunión
btn-meeting-cancel-confirm = 🗑 Sí, cancelarla
meeting-cancel-ask = 🗑 ¿Cancelar { $title }? Se avisará a todos los invitados.
meeting-cancel-done = 🗑 Reunión cancelada: { $title }. Se avisará a todos los invitados.
meeting-moved-done = 🕒 { $title } será ahora el { $when }. Se avisará a todos los invitados.
meeting-reminded = { $count ->
        [one] 🔔 Un recordatorio va en camino.
       *[other] 🔔 { $count } recordatorios van en camino.
    }

## Notas de campo (CDA)
field-note-saved = 📝 Guardado como nota de campo de { $cluster }. ¿Desea agregar una etiqueta?
btn-tag-meeting = 🤝 Reunión
btn-tag-visit = 🚶 Visita
btn-tag-problem = ⚠️ Problema
btn-tag-success = 🌟 Caso de éxito
field-note-tagged = 🏷️ Etiqueta: { $tag }
cluster-choose = 🌍 ¿En qué { -cluster } está trabajando?
cluster-chosen = 🌍 Ahora sus notas de campo van a { $cluster }.
notes-title = 📝 Últimas notas de campo de { $cluster }:
notes-none = 📝 Todavía no hay notas de campo. Envíeme un mensaje, una nota de voz, una foto, un documento o una ubicación.
btn-note-document = 📄 Documento
btn-note-location = 📍 Ubicación

## Exportaciones (CDA)
btn-export = 📤 Exportar
export-choose-dataset = 📤 ¿Qué datos?
btn-export-members = 👥 Miembros
btn-export-responses = 📋 Respuestas a cuestionarios
btn-export-reports = 📈 Informes de avance
btn-export-meetings = 📅 Reuniones y respuestas
btn-export-notes = 📝 Notas de campo
export-choose-format = 📤 ¿Qué archivo?
btn-export-csv = 📄 Archivo CSV
btn-export-xlsx = 📊 Archivo Excel
btn-export-zip = 📦 Excel + multimedia (ZIP)
export-ready = 📤 { $rows ->
        [one] Una fila.
       *[other] { $rows } filas.
    }
export-media-ready = 📦 { $files ->
        [one] Una nota de voz o foto.
       *[other] { $files } notas de voz y fotos.
    }
export-too-big = 📤 Este archivo es demasiado grande para enviarlo por Telegram (más de 50 MB). Por favor, use la línea de comandos: clusterbot export.

## Menú de comandos
cmd-start = Iniciar, o unirse con una invitación
cmd-menu = Menú principal
cmd-mydata = Lo que se guarda sobre mí
cmd-language = Cambiar el idioma
cmd-help = Ayuda
cmd-forget = Borrar mis datos personales
cmd-invite = Crear una invitación ({ -cda })
cmd-forms = Mis cuestionarios
cmd-launch = Lanzar un cuestionario ({ -cda })
cmd-results = Resultados de los cuestionarios ({ -cda })
cmd-report = Informar del avance de una { -joint-action }
cmd-progress = Avance de las { -joint-action(number: "other") } (líderes, { -cda })
cmd-actions = El plan de acción ({ -cda })
cmd-meeting = Programar una reunión (líderes, { -cda })
cmd-meetings = Próximas reuniones y respuestas (líderes, { -cda })
cmd-notes = Últimas notas de campo ({ -cda })
cmd-cluster = Elegir el { -cluster } en el que trabaja ({ -cda })
cmd-export = Exportar los datos a una hoja de cálculo ({ -cda })

## Voz en cada paso, una línea con el CDA, el bot habla (incidencia 12)
btn-ask-cda = 🙋 Preguntar al { -cda }
cmd-ask = Hacer una pregunta a su { -cda }
cmd-questions = Preguntas de los miembros ({ -cda })
cmd-names = Nombres dichos en voz ({ -cda })
ask-prompt = 🙋 ¿Qué quiere preguntar a su { -cda }? Escríbalo o envíe una nota de voz 🎤.
ask-sent = 📨 Enviado a su { -cda }. La respuesta llegará aquí.
ask-kept = 📥 Guardado para su { -cda }, que responderá aquí.
ask-question = 🙋 Pregunta de { $who } ({ $cluster }):
ask-question-voice = 🎤 Una nota de voz: escúchela arriba.
ask-reply-hint = ↩️ Responda a este mensaje (texto o voz) para contestar.
ask-answer = 💬 Su { -cda } { $cda } respondió:
ask-answer-how = ↩️ Por favor, responda con texto o una nota de voz.
ask-answer-sent = 📨 Su respuesta va en camino a { $name }.
questions-title = 🙋 Preguntas de los miembros de { $cluster } (↩️ para responder):
questions-none = Nadie ha preguntado nada todavía.
question-waiting = ⏳ esperando respuesta
question-answered = ✔️ respondida por { $cda }
names-title = 🎤 Miembros de { $cluster } que dijeron su nombre en voz:
names-none = Nadie dijo su nombre en voz.
names-type = ✍️ Escriba el nombre de este miembro.
names-saved = ✔️ Nombre guardado: { $name }
name-voice-hint = 🎤 También puede decir su nombre en una nota de voz.
name-voice-kept = 🎤 Gracias, guardé su nombre tal como lo dijo.
results-voice-review = 🎤 Respuestas en voz por revisar — { $question }: { $count }
btn-speak = 🔊 Escuchar
tts-failed = 🔇 Lo siento, ahora no puedo leer esto en voz alta.

## Dates and times as people read them (issue 12 item 5). Selector values are codes.
read-today = hoy
read-tomorrow = mañana
read-yesterday = ayer
read-weekday = { $weekday ->
    [mon] lun
    [tue] mar
    [wed] mié
    [thu] jue
    [fri] vie
    [sat] sáb
   *[sun] dom
}
read-month = { $month ->
    [1] ene
    [2] feb
    [3] mar
    [4] abr
    [5] may
    [6] jun
    [7] jul
    [8] ago
    [9] sept
    [10] oct
    [11] nov
   *[12] dic
}
read-day-part = { $part ->
    [small-hours] de la madrugada
    [morning] de la mañana
    [afternoon] de la tarde
    [evening] de la tarde
   *[night] de la noche
}
read-location-pin = vea el pin de abajo

## Fewer words (issue 12 item 7): the short consent, its "more" button, /help's buttons.
consent-short = 🔒 Para participar en { $cluster }, guardo nombre, idioma, género, { -cooperative } y respuestas para su { -cda }. Verlos: /mydata. Borrarlos: /forget.
btn-more = ℹ️ Más
help-title = ❓ ¿Qué desea hacer?
