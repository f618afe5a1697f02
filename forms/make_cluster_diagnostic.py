#!/usr/bin/env python3
"""Generate forms/cluster_diagnostic.xlsx, the cluster diagnostic XLSForm.

The form is the Phase III diagnostic of the UNIDO cluster approach, written for
low-literacy producers answering in Telegram, one question per message. M&E asks
the same questions again later, so names and choice values must stay stable.

Run from the repository root (or anywhere):

    python3 forms/make_cluster_diagnostic.py

Requires openpyxl (`pip install openpyxl`). The output is byte-for-byte
deterministic: document properties and zip timestamps are fixed. After writing,
the script reads the file back and checks it (six languages everywhere, choice
lists exist, names are snake_case, right-to-left labels start with Arabic script);
it exits non-zero if a check fails.
"""

import io
import re
import sys
import unicodedata
import zipfile
from datetime import datetime
from pathlib import Path

try:
    import openpyxl
    from openpyxl.styles import Alignment, Font
except ImportError:  # pragma: no cover
    sys.exit("error: openpyxl is missing: pip install openpyxl")

OUT = Path(__file__).resolve().parent / "cluster_diagnostic.xlsx"

FORM_ID = "cluster_diagnostic"
VERSION = "2026120701"  # a string, so no spreadsheet turns it into a float
DEFAULT_LANGUAGE = "English (en)"

# (short key, column suffix). Order = column order.
LANGS = [
    ("en", "English (en)"),
    ("fr", "Français (fr)"),
    ("ar", "العربية (ar)"),
    ("es", "Español (es)"),
    ("ur", "اردو (ur)"),
    ("ru", "Русский (ru)"),
]
RTL = {"ar", "ur"}

NBSP = "\u00a0"


def french(s):
    """French typography, as in locales/fr: NBSP before ? ! : ; and inside « », curly apostrophe."""
    s = s.replace("'", "’")
    for p in "?!:;":
        s = s.replace(" " + p, NBSP + p)
    return s.replace("« ", "«" + NBSP).replace(" »", NBSP + "»")


def T(en, fr, ar, es, ur, ru):
    """One text in all six languages."""
    return {"en": en, "fr": french(fr), "ar": ar, "es": es, "ur": ur, "ru": ru}


# The title members see on the questionnaire's button and invitation, in their language.
FORM_TITLE = T(
    "Cluster diagnostic",
    "Diagnostic du cluster",
    "تشخيص العنقود",
    "Diagnóstico del clúster",
    "کلسٹر کا جائزہ",
    "Диагностика кластера",
)


# --------------------------------------------------------------------------
# survey
# --------------------------------------------------------------------------
# Each row: type, name, and optionally label, hint, required, relevant,
# constraint, constraint_message, appearance.

SURVEY = [
    {"type": "start", "name": "start"},
    {"type": "end", "name": "end"},
    {
        "type": "note",
        "name": "intro",
        "label": T(
            "👋 Hello! Here are a few short questions about your firm and your cluster. There are no wrong answers.",
            "👋 Bonjour ! Voici quelques questions courtes sur votre entreprise et votre cluster. Il n'y a pas de mauvaise réponse.",
            "👋 مرحبًا! هذه أسئلة قصيرة عن مؤسستك وعن العنقود. لا توجد إجابة خاطئة.",
            "👋 ¡Hola! Aquí tiene unas preguntas cortas sobre su empresa y su clúster. No hay respuestas incorrectas.",
            "👋 السلام علیکم! یہ آپ کے کاروبار اور آپ کے کلسٹر کے بارے میں چند مختصر سوال ہیں۔ کوئی جواب غلط نہیں۔",
            "👋 Здравствуйте! Вот несколько коротких вопросов о вашем предприятии и вашем кластере. Неправильных ответов нет.",
        ),
    },
    {
        "type": "integer",
        "name": "workers",
        "label": T(
            "👥 How many people work in your firm?",
            "👥 Combien de personnes travaillent dans votre entreprise ?",
            "👥 كم عدد الأشخاص الذين يعملون في مؤسستك؟",
            "👥 ¿Cuántas personas trabajan en su empresa?",
            "👥 آپ کے کاروبار میں کتنے لوگ کام کرتے ہیں؟",
            "👥 Сколько человек работает на вашем предприятии?",
        ),
        "hint": T(
            "Count everyone, family too, yourself included.",
            "Comptez tout le monde, la famille aussi, vous compris.",
            "عُدّوا الجميع، بمن فيهم العائلة وأنتم.",
            "Cuente a todos, también a la familia y a usted.",
            "سب کو گنیں، گھر والوں اور اپنے آپ کو بھی۔",
            "Считайте всех, и членов семьи, и себя.",
        ),
        "required": True,
        "constraint": ". >= 0 and . <= 500",
        "constraint_message": T(
            "Please type a number from 0 to 500.",
            "Écrivez un nombre entre 0 et 500, s'il vous plaît.",
            "يُرجى كتابة رقم من 0 إلى 500.",
            "Por favor, escriba un número del 0 al 500.",
            "براہِ کرم 0 سے 500 تک کوئی عدد لکھیں۔",
            "Пожалуйста, напишите число от 0 до 500.",
        ),
    },
    {
        "type": "date",
        "name": "firm_start",
        "label": T(
            "📅 When did your firm start?",
            "📅 Quand votre entreprise a-t-elle commencé ?",
            "📅 متى بدأت مؤسستك العمل؟",
            "📅 ¿Cuándo empezó su empresa?",
            "📅 آپ کا کاروبار کب شروع ہوا؟",
            "📅 Когда начало работу ваше предприятие?",
        ),
        "hint": T(
            "An approximate date is fine, even just the year.",
            "Une date approximative suffit, même seulement l'année.",
            "يكفي تاريخ تقريبي، ولو السنة فقط.",
            "Basta con una fecha aproximada, incluso solo el año.",
            "اندازاً تاریخ کافی ہے، صرف سال بھی چلے گا۔",
            "Достаточно примерной даты, даже только года.",
        ),
    },
    {
        "type": "select_one women_role",
        "name": "women_role",
        "label": T(
            "👩 What is the main role of women in your firm?",
            "👩 Quel est le rôle principal des femmes dans votre entreprise ?",
            "👩 ما هو الدور الرئيسي للنساء في مؤسستك؟",
            "👩 ¿Cuál es el papel principal de las mujeres en su empresa?",
            "👩 آپ کے کاروبار میں خواتین کا اصل کردار کیا ہے؟",
            "👩 Какова главная роль женщин на вашем предприятии?",
        ),
        "hint": T(
            "Think of most of the women who work in the firm.",
            "Pensez à la plupart des femmes qui travaillent dans l'entreprise.",
            "فكّروا في أغلب النساء اللواتي يعملن في المشروع.",
            "Piense en la mayoría de las mujeres que trabajan en la empresa.",
            "کاروبار میں کام کرنے والی زیادہ تر خواتین کے بارے میں سوچیں۔",
            "Подумайте о большинстве женщин, которые работают на предприятии.",
        ),
        "required": True,
    },
    {
        "type": "select_one how_often",
        "name": "women_decisions",
        "label": T(
            "🗳️ Do women take part in cluster decisions?",
            "🗳️ Les femmes participent-elles aux décisions du cluster ?",
            "🗳️ هل تشارك النساء في قرارات العنقود؟",
            "🗳️ ¿Participan las mujeres en las decisiones del clúster?",
            "🗳️ کیا خواتین کلسٹر کے فیصلوں میں حصہ لیتی ہیں؟",
            "🗳️ Участвуют ли женщины в решениях кластера?",
        ),
        "required": True,
        "appearance": "likert",
    },
    {
        "type": "select_one how_often",
        "name": "cooperation",
        "label": T(
            "🤝 How often do you work with other firms in the cluster?",
            "🤝 Travaillez-vous avec d'autres entreprises du cluster ?",
            "🤝 هل تتعاون مع مؤسسات أخرى في العنقود؟",
            "🤝 ¿Con qué frecuencia trabaja con otras empresas del clúster?",
            "🤝 آپ کلسٹر کے دوسرے کاروباروں کے ساتھ کتنا مل کر کام کرتے ہیں؟",
            "🤝 Как часто вы работаете вместе с другими предприятиями кластера?",
        ),
        "required": True,
        "appearance": "likert",
    },
    {
        "type": "select_one trust_scale",
        "name": "trust",
        "label": T(
            "🤔 How much do you trust other firms in the cluster?",
            "🤔 Quelle confiance avez-vous dans les autres entreprises du cluster ?",
            "🤔 ما مدى ثقتك في المؤسسات الأخرى في العنقود؟",
            "🤔 ¿Cuánta confianza tiene en las otras empresas del clúster?",
            "🤔 آپ کو کلسٹر کے دوسرے کاروباروں پر کتنا اعتماد ہے؟",
            "🤔 Какое у вас доверие к другим предприятиям кластера?",
        ),
        "hint": T(
            "😟 means no trust at all, 😀 full trust.",
            "😟 veut dire aucune confiance, 😀 une confiance totale.",
            "😟 تعني لا ثقة أبدًا، و😀 ثقة كاملة.",
            "😟 es ninguna confianza, 😀 confianza total.",
            "😟 کا مطلب بالکل بھروسا نہیں، 😀 پورا بھروسا۔",
            "😟 — совсем нет доверия, 😀 — полное доверие.",
        ),
        "required": True,
        "appearance": "likert",
    },
    {
        "type": "select_multiple joint_action",
        "name": "joint_actions",
        "label": T(
            "👥 In the last 12 months, what did your firm do together with other firms?",
            "👥 Ces 12 derniers mois, qu'avez-vous fait avec d'autres entreprises ?",
            "👥 ماذا فعلت مؤسستك مع مؤسسات أخرى في آخر 12 شهرًا؟",
            "👥 En los últimos 12 meses, ¿qué hizo su empresa junto con otras empresas?",
            "👥 پچھلے 12 مہینوں میں آپ کے کاروبار نے دوسرے کاروباروں کے ساتھ مل کر کیا کیا؟",
            "👥 Что ваше предприятие делало вместе с другими за последние 12 месяцев?",
        ),
        "hint": T(
            "Only what was done together with other firms of the cluster.",
            "Seulement ce qui a été fait avec d'autres entreprises du cluster.",
            "فقط ما أُنجز مع مشاريع أخرى في العنقود.",
            "Solo lo que se hizo junto con otras empresas del clúster.",
            "صرف وہ جو کلسٹر کے دوسرے کاروباروں کے ساتھ مل کر کیا گیا۔",
            "Только то, что делали вместе с другими предприятиями кластера.",
        ),
        "required": True,
        "constraint": "not(selected(., 'none') and count-selected(.) > 1)",
        "constraint_message": T(
            "You cannot choose “None” together with other answers.",
            "Vous ne pouvez pas choisir « Rien » avec d'autres réponses.",
            "لا يمكن اختيار «لا شيء» مع إجابات أخرى.",
            "No puede elegir «Nada» junto con otras respuestas.",
            "آپ “کچھ نہیں” کے ساتھ کوئی اور جواب نہیں چن سکتے۔",
            "Нельзя выбрать «Ничего» вместе с другими ответами.",
        ),
    },
    {
        "type": "select_one bottleneck or_other",
        "name": "main_bottleneck",
        "label": T(
            "🚧 What is the biggest problem for your firm?",
            "🚧 Quel est le plus grand problème de votre entreprise ?",
            "🚧 ما أكبر مشكلة تواجه مؤسستك؟",
            "🚧 ¿Cuál es el mayor problema de su empresa?",
            "🚧 آپ کے کاروبار کا سب سے بڑا مسئلہ کیا ہے؟",
            "🚧 Какая самая большая проблема у вашего предприятия?",
        ),
        "hint": T(
            "The one that holds the firm back the most today.",
            "Celui qui freine le plus l'entreprise aujourd'hui.",
            "المشكلة التي تعيق المشروع أكثر من غيرها اليوم.",
            "El que más frena a la empresa hoy.",
            "وہ مسئلہ جو آج کاروبار کو سب سے زیادہ روکتا ہے۔",
            "То, что сегодня больше всего мешает предприятию.",
        ),
        "required": True,
    },
    {
        "type": "select_one credit_access",
        "name": "credit_access",
        "label": T(
            "💰 Can your firm get a loan when it needs one?",
            "💰 Votre entreprise peut-elle obtenir un crédit quand elle en a besoin ?",
            "💰 هل تستطيع مؤسستك الحصول على قرض عند الحاجة؟",
            "💰 ¿Su empresa puede conseguir un préstamo cuando lo necesita?",
            "💰 کیا آپ کے کاروبار کو ضرورت کے وقت قرض مل جاتا ہے؟",
            "💰 Может ли ваше предприятие получить кредит, когда нужно?",
        ),
        "required": True,
    },
    {
        "type": "select_one credit_barrier",
        "name": "credit_barrier",
        "label": T(
            "❓ Why can't your firm get a loan?",
            "❓ Pourquoi votre entreprise n'obtient-elle pas de crédit ?",
            "❓ لماذا لا تحصل مؤسستك على قرض؟",
            "❓ ¿Por qué su empresa no consigue un préstamo?",
            "❓ آپ کے کاروبار کو قرض کیوں نہیں ملتا؟",
            "❓ Почему ваше предприятие не может получить кредит?",
        ),
        "hint": T(
            "If there are several, the main one.",
            "S'il y en a plusieurs, la principale.",
            "إن كانت هناك أسباب عدّة، فالسبب الرئيسي.",
            "Si hay varias, la principal.",
            "اگر کئی وجوہات ہوں تو سب سے بڑی۔",
            "Если причин несколько — главная.",
        ),
        "required": True,
        "relevant": "${credit_access} = 'no'",
    },
    {
        "type": "text",
        "name": "help_wish",
        "label": T(
            "💬 What one thing would most help your firm work with others?",
            "💬 Quelle chose aiderait le plus votre entreprise à travailler avec les autres ?",
            "💬 ما الشيء الذي يساعد مؤسستك أكثر من غيره على العمل مع الآخرين؟",
            "💬 ¿Qué cosa ayudaría más a su empresa a trabajar con otras?",
            "💬 کون سی ایک چیز آپ کے کاروبار کو دوسروں کے ساتھ کام کرنے میں سب سے زیادہ مدد دے گی؟",
            "💬 Что больше всего помогло бы вашему предприятию работать с другими?",
        ),
        "hint": T(
            "In your own words: a training, a machine, a buyer, a meeting…",
            "Avec vos mots : une formation, une machine, un acheteur, une rencontre…",
            "بكلماتكم: تدريب، آلة، مشترٍ، لقاء…",
            "Con sus palabras: una formación, una máquina, un comprador, una reunión…",
            "اپنے الفاظ میں: تربیت، مشین، خریدار، ملاقات…",
            "Своими словами: обучение, оборудование, покупатель, встреча…",
        ),
        "appearance": "multiline",
    },
    {
        "type": "note",
        "name": "thanks",
        "label": T(
            "🙏 Thank you! Your answers help the cluster plan its work.",
            "🙏 Merci ! Vos réponses aident le cluster à préparer ses actions.",
            "🙏 شكرًا! إجاباتك تساعد العنقود على تخطيط عمله.",
            "🙏 ¡Gracias! Sus respuestas ayudan al clúster a planificar su trabajo.",
            "🙏 شکریہ! آپ کے جوابات سے کلسٹر کو اپنے کام کی منصوبہ بندی میں مدد ملتی ہے۔",
            "🙏 Спасибо! Ваши ответы помогают кластеру планировать работу.",
        ),
    },
]

# --------------------------------------------------------------------------
# choices: list_name -> [(name, label)]
# --------------------------------------------------------------------------

CHOICES = {
    "women_role": [
        ("owner_manager", T("👩‍💼 Owner or manager", "👩‍💼 Propriétaire ou gérante", "👩‍💼 مالكة أو مديرة",
                            "👩‍💼 Dueña o gerente", "👩‍💼 مالک یا منیجر", "👩‍💼 Владелица или руководитель")),
        ("worker", T("👩‍🏭 Worker", "👩‍🏭 Employée", "👩‍🏭 عاملة",
                     "👩‍🏭 Trabajadora", "👩‍🏭 کارکن", "👩‍🏭 Работница")),
        ("family_helper", T("👪 Family helper", "👪 Aide familiale", "👪 مساعدة من العائلة",
                            "👪 Ayudante familiar", "👪 خاندان کی مددگار", "👪 Помогающая родственница")),
        ("not_involved", T("🚫 Not involved", "🚫 Pas impliquées", "🚫 غير مشاركات",
                           "🚫 No participan", "🚫 شامل نہیں", "🚫 Не участвуют")),
    ],
    "how_often": [
        ("never", T("🚫 Never", "🚫 Jamais", "🚫 أبدًا", "🚫 Nunca", "🚫 کبھی نہیں", "🚫 Никогда")),
        ("sometimes", T("🤏 Sometimes", "🤏 Parfois", "🤏 أحيانًا", "🤏 A veces", "🤏 کبھی کبھی", "🤏 Иногда")),
        ("often", T("👍 Often", "👍 Souvent", "👍 غالبًا", "👍 A menudo", "👍 اکثر", "👍 Часто")),
        ("always", T("💯 Always", "💯 Toujours", "💯 دائمًا", "💯 Siempre", "💯 ہمیشہ", "💯 Всегда")),
    ],
    # Values 1..5 so baseline and M&E scores can be averaged and compared.
    "trust_scale": [
        ("1", T("😟 Very low", "😟 Très faible", "😟 ضعيفة جدًا", "😟 Muy baja", "😟 بہت کم", "😟 Очень низкое")),
        ("2", T("🙁 Low", "🙁 Faible", "🙁 ضعيفة", "🙁 Baja", "🙁 کم", "🙁 Низкое")),
        ("3", T("😐 Medium", "😐 Moyenne", "😐 متوسطة", "😐 Media", "😐 درمیانہ", "😐 Среднее")),
        ("4", T("🙂 High", "🙂 Forte", "🙂 كبيرة", "🙂 Alta", "🙂 زیادہ", "🙂 Высокое")),
        ("5", T("😀 Very high", "😀 Très forte", "😀 كبيرة جدًا", "😀 Muy alta", "😀 بہت زیادہ", "😀 Очень высокое")),
    ],
    "joint_action": [
        ("joint_purchase", T("🛒 Bought inputs together", "🛒 Achat groupé de matières premières",
                             "🛒 شراء مشترك للمواد الأولية", "🛒 Compra conjunta de insumos",
                             "🛒 مل کر خام مال کی خریداری", "🛒 Совместная закупка сырья")),
        ("shared_equipment", T("🛠️ Shared equipment", "🛠️ Matériel partagé", "🛠️ معدات مشتركة",
                               "🛠️ Equipo compartido", "🛠️ مشترکہ مشینیں", "🛠️ Общее оборудование")),
        ("trade_fair", T("🎪 Trade fair", "🎪 Foire ou salon", "🎪 معرض تجاري",
                         "🎪 Feria comercial", "🎪 تجارتی میلہ", "🎪 Ярмарка или выставка")),
        ("collective_brand", T("🏷️ Shared brand", "🏷️ Marque commune", "🏷️ علامة تجارية مشتركة",
                               "🏷️ Marca colectiva", "🏷️ مشترکہ برانڈ", "🏷️ Общий бренд")),
        ("training", T("🎓 Training", "🎓 Formation", "🎓 تدريب",
                       "🎓 Capacitación", "🎓 تربیت", "🎓 Обучение")),
        ("none", T("🚫 None", "🚫 Rien", "🚫 لا شيء", "🚫 Nada", "🚫 کچھ نہیں", "🚫 Ничего")),
    ],
    # `other` is listed here so its label is translated; with it present, or_other
    # does not add an untranslated "Other" choice.
    "bottleneck": [
        ("inputs", T("📦 Raw materials", "📦 Matières premières", "📦 المواد الأولية",
                     "📦 Materias primas", "📦 خام مال", "📦 Сырьё")),
        ("credit", T("💰 Credit", "💰 Crédit", "💰 التمويل",
                     "💰 Crédito", "💰 قرض", "💰 Кредит")),
        ("markets", T("🏪 Finding buyers", "🏪 Trouver des clients", "🏪 إيجاد الزبائن",
                      "🏪 Encontrar clientes", "🏪 گاہک ڈھونڈنا", "🏪 Поиск покупателей")),
        ("skills", T("👷 Skills", "👷 Compétences", "👷 المهارات",
                     "👷 Habilidades", "👷 ہنر", "👷 Навыки")),
        ("equipment", T("⚙️ Machines and tools", "⚙️ Machines et outils", "⚙️ الآلات والأدوات",
                        "⚙️ Máquinas y herramientas", "⚙️ مشینیں اور اوزار", "⚙️ Станки и инструменты")),
        ("standards", T("📜 Standards and certificates", "📜 Normes et certification", "📜 المعايير والشهادات",
                        "📜 Normas y certificación", "📜 معیار اور سرٹیفکیٹ", "📜 Стандарты и сертификаты")),
        ("other", T("✏️ Other", "✏️ Autre", "✏️ أخرى", "✏️ Otro", "✏️ کوئی اور", "✏️ Другое")),
    ],
    "credit_access": [
        ("yes", T("✅ Yes", "✅ Oui", "✅ نعم", "✅ Sí", "✅ جی ہاں", "✅ Да")),
        ("no", T("❌ No", "❌ Non", "❌ لا", "❌ No", "❌ نہیں", "❌ Нет")),
        ("never_tried", T("🤷 Never tried", "🤷 Jamais essayé", "🤷 لم أحاول أبدًا",
                          "🤷 Nunca lo intenté", "🤷 کبھی کوشش نہیں کی", "🤷 Никогда не пробовали")),
    ],
    "credit_barrier": [
        ("too_expensive", T("💸 Too expensive", "💸 Trop cher", "💸 مكلف جدًا",
                            "💸 Demasiado caro", "💸 بہت مہنگا", "💸 Слишком дорого")),
        ("no_collateral", T("🏠 No guarantee to give", "🏠 Pas de garantie à donner", "🏠 لا توجد ضمانات",
                            "🏠 Sin garantía", "🏠 ضمانت نہیں ہے", "🏠 Нет залога")),
        ("no_lender_nearby", T("📍 No lender nearby", "📍 Pas de prêteur près d'ici", "📍 لا توجد جهة إقراض قريبة",
                               "📍 No hay prestamista cerca", "📍 قریب کوئی قرض دینے والا نہیں",
                               "📍 Рядом нет кредитора")),
        ("refused", T("⛔ Request refused", "⛔ Demande refusée", "⛔ رُفض الطلب",
                      "⛔ Solicitud rechazada", "⛔ درخواست رد ہو گئی", "⛔ Отказали")),
        ("other", T("✏️ Other", "✏️ Autre", "✏️ سبب آخر", "✏️ Otra", "✏️ کوئی اور", "✏️ Другое")),
    ],
}

# --------------------------------------------------------------------------
# writing
# --------------------------------------------------------------------------


def cols(prefix):
    return [f"{prefix}::{suffix}" for _, suffix in LANGS]


SURVEY_HEADER = (
    ["type", "name"] + cols("label") + cols("hint")
    + ["required", "relevant", "constraint"] + cols("constraint_message") + ["appearance"]
)
CHOICES_HEADER = ["list_name", "name"] + cols("label")
SETTINGS_HEADER = cols("form_title") + ["form_id", "version", "default_language"]


def texts(row, key):
    t = row.get(key)
    return [t[code] if t else None for code, _ in LANGS]


def survey_values(row):
    return (
        [row["type"], row["name"]] + texts(row, "label") + texts(row, "hint")
        + ["yes" if row.get("required") else None, row.get("relevant"), row.get("constraint")]
        + texts(row, "constraint_message") + [row.get("appearance")]
    )


def fill(ws, header, rows, widths):
    bold = Font(bold=True)
    ws.append(header)
    for cell in ws[1]:
        cell.font = bold
    for values in rows:
        ws.append(values)
    wrap = Alignment(wrap_text=True, vertical="top")
    for r in ws.iter_rows(min_row=2):
        for cell in r:
            if cell.value is not None:
                cell.alignment = wrap
    for i, h in enumerate(header, start=1):
        ws.column_dimensions[openpyxl.utils.get_column_letter(i)].width = widths(h)
    ws.freeze_panes = "C2"


def width(h):
    if h.startswith(("label::", "hint::", "constraint_message::")):
        return 40
    return {"type": 30, "name": 18, "list_name": 16, "relevant": 24, "constraint": 30}.get(h, 12)


FIXED_TIME = datetime(2026, 11, 27, 0, 0, 0)


def build():
    wb = openpyxl.Workbook()
    survey = wb.active
    survey.title = "survey"
    fill(survey, SURVEY_HEADER, [survey_values(r) for r in SURVEY], width)

    choices = wb.create_sheet("choices")
    rows = [[ln, name] + [label[c] for c, _ in LANGS] for ln, items in CHOICES.items() for name, label in items]
    fill(choices, CHOICES_HEADER, rows, width)

    settings = wb.create_sheet("settings")
    settings.append(SETTINGS_HEADER)
    for cell in settings[1]:
        cell.font = Font(bold=True)
    settings.append([FORM_TITLE[c] for c, _ in LANGS] + [FORM_ID, VERSION, DEFAULT_LANGUAGE])
    for c in "ABCDEFGHI":
        settings.column_dimensions[c].width = 22

    # Fixed document properties, so the file does not change from run to run.
    wb.properties.creator = "clusterbot"
    wb.properties.lastModifiedBy = "clusterbot"
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    return wb


def write_deterministic(wb, path):
    """Save, then rewrite the zip with fixed entry timestamps and a fixed "modified" date."""
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                # openpyxl stamps "modified" with the current time on save.
                data = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>" + FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode() + rb"\g<2>",
                    data,
                )
            zi = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, data)
    path.write_bytes(out.getvalue())


# --------------------------------------------------------------------------
# read back and check
# --------------------------------------------------------------------------

ALLOWED_TYPES = re.compile(
    r"^(select_one \w+( or_other)?|select_multiple \w+|integer|decimal|text|date|note"
    r"|begin_group|end_group|start|end)$"
)
QUESTION_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
CHOICE_NAME = re.compile(r"^[a-z0-9][a-z0-9_]*$")


def is_arabic_script(ch):
    cp = ord(ch)
    return 0x0600 <= cp <= 0x06FF or 0x0750 <= cp <= 0x077F or 0xFB50 <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFF


def rtl_ok(s):
    """The first letter or digit (after emoji, spaces, punctuation) is Arabic script."""
    for ch in s:
        cat = unicodedata.category(ch)
        if cat[0] in "LN":
            return is_arabic_script(ch)
    return False


def check(path):
    problems = []
    wb = openpyxl.load_workbook(path)
    if wb.sheetnames != ["survey", "choices", "settings"]:
        problems.append(f"sheets are {wb.sheetnames}")

    def table(ws):
        rows = list(ws.iter_rows(values_only=True))
        header = list(rows[0])
        return header, [dict(zip(header, r)) for r in rows[1:]]

    s_head, s_rows = table(wb["survey"])
    c_head, c_rows = table(wb["choices"])
    t_head, t_rows = table(wb["settings"])
    if s_head != SURVEY_HEADER:
        problems.append("survey header differs")
    if c_head != CHOICES_HEADER:
        problems.append("choices header differs")
    if t_head != SETTINGS_HEADER:
        problems.append("settings header differs")

    def six(row, prefix, where):
        vals = [row.get(f"{prefix}::{suffix}") for _, suffix in LANGS]
        if all(v is None for v in vals):
            return False
        for (code, _), v in zip(LANGS, vals):
            if not (isinstance(v, str) and v.strip()):
                problems.append(f"{where}: {prefix}::{code} is empty")
            elif code in RTL and not rtl_ok(v):
                problems.append(f"{where}: {prefix}::{code} does not start with Arabic script: {v!r}")
        return True

    lists = {}
    for i, r in enumerate(c_rows, start=2):
        where = f"choices row {i}"
        if not CHOICE_NAME.match(str(r["name"])):
            problems.append(f"{where}: bad choice name {r['name']!r}")
        if r["name"] in lists.setdefault(r["list_name"], []):
            problems.append(f"{where}: duplicate choice {r['name']!r}")
        lists[r["list_name"]].append(r["name"])
        if not six(r, "label", where):
            problems.append(f"{where}: no label")

    names, used_lists, questions = [], set(), []
    for i, r in enumerate(s_rows, start=2):
        where = f"survey row {i} ({r['name']})"
        t = r["type"]
        if not ALLOWED_TYPES.match(t):
            problems.append(f"{where}: type {t!r} not allowed")
        if not QUESTION_NAME.match(r["name"]):
            problems.append(f"{where}: bad name")
        if r["name"] in names:
            problems.append(f"{where}: duplicate name")
        names.append(r["name"])
        if r["required"] not in (None, "yes"):
            problems.append(f"{where}: required must be yes or empty")
        has_label = six(r, "label", where)
        if t not in ("start", "end") and not has_label:
            problems.append(f"{where}: no label")
        six(r, "hint", where)
        has_msg = six(r, "constraint_message", where)
        if bool(r["constraint"]) != has_msg:
            problems.append(f"{where}: constraint and constraint_message must come together")
        if t.startswith("select_"):
            ln = t.split()[1]
            used_lists.add(ln)
            if ln not in lists:
                problems.append(f"{where}: choice list {ln!r} does not exist")
        if t not in ("start", "end", "note"):
            questions.append(r)

    for r in s_rows:
        for ref in re.findall(r"\$\{(\w+)\}", (r["relevant"] or "") + (r["constraint"] or "")):
            if ref not in names:
                problems.append(f"{r['name']}: refers to unknown ${{{ref}}}")
    for ln in lists:
        if ln not in used_lists:
            problems.append(f"choice list {ln!r} is not used")

    st = t_rows[0] if t_rows else {}
    six(st, "form_title", "settings")
    if (st.get("form_id"), st.get("version"), st.get("default_language")) != (FORM_ID, VERSION, DEFAULT_LANGUAGE):
        problems.append(f"settings are {st}")

    if not 10 <= len(questions) <= 12:
        problems.append(f"{len(questions)} questions, want 10-12")
    if not any(q["required"] is None for q in questions):
        problems.append("no optional question")

    notes = sum(1 for r in s_rows if r["type"] == "note")
    print(f"{path.name}: survey {len(s_rows)} rows ({len(questions)} questions, {notes} notes, "
          f"{len(s_rows) - len(questions) - notes} metadata), choices {len(c_rows)} rows in {len(lists)} lists, "
          f"{len(LANGS)} languages", file=sys.stderr)
    for q in questions:
        extra = "; ".join(x for x in (
            f"relevant {q['relevant']}" if q["relevant"] else "",
            f"constraint {q['constraint']}" if q["constraint"] else "",
        ) if x)
        print(f"  {q['name']:<16} {q['type']:<34} {'required' if q['required'] else 'optional':<9} {extra}",
              file=sys.stderr)
    return problems


def main():
    write_deterministic(build(), OUT)
    problems = check(OUT)
    for p in problems:
        print(f"error: {p}", file=sys.stderr)
    if problems:
        sys.exit(1)
    print(f"ok: wrote {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
