## clusterbot — اردو
## کلیدیں فیچر کے لحاظ سے گروپ کی گئی ہیں۔ ہر کلید ہر زبان میں انہی متغیرات کے ساتھ موجود ہے۔

## ہر ڈپلائمنٹ اپنے الفاظ چن سکتا ہے: یہ اصطلاحات LOCALES_DIR/ur/*.ftl میں بدلیں
## (مثلاً ‎-cooperative‎ = ایسوسی ایشن)۔ `number`: ‏"one" یا "other"؛ `case`: ‏"obl" (حرفِ جار سے پہلے)۔
-cluster = { $number ->
       *[one] کلسٹر
        [other] کلسٹرز
    }
-cooperative = { $number ->
       *[one] کوآپریٹو
        [other] کوآپریٹوز
    }
-cda = ڈیولپمنٹ ایجنٹ
-cda-long = کلسٹر ڈیولپمنٹ ایجنٹ
-joint-action = { $number ->
       *[one] مشترکہ کام
        [other] { $case ->
           *[dir] مشترکہ کام
            [obl] مشترکہ کاموں
        }
    }
-commission = کلسٹر کمیشن

## شمولیت (/start)
start-no-code = 👋 السلام علیکم! میں { -cluster } نیٹ ورکس کے لیے میدانی خبریں جمع کرتا ہوں: { -joint-action(number: "other", case: "obl") } میں پیش رفت، مختصر سوالنامے اور میٹنگ کی یاد دہانیاں۔
    شامل ہونے کے لیے اپنے { -cda-long } (CDA) سے دعوتی لنک مانگیں اور اسے کھولیں۔
start-invalid-code = ❌ یہ دعوتی کوڈ درست نہیں۔ براہِ کرم لنک چیک کریں، یا اپنے { -cda } (CDA) سے نیا لنک مانگیں۔
start-expired = ⌛ اس دعوت کی مدت ختم ہو چکی ہے۔ براہِ کرم اپنے { -cda } (CDA) سے نئی دعوت مانگیں۔
start-used-up = 🚫 یہ دعوت جتنی بار استعمال ہو سکتی تھی، ہو چکی ہے۔ براہِ کرم اپنے { -cda } (CDA) سے نئی دعوت مانگیں۔
start-already-member = 💡 آپ پہلے ہی { $cluster } کے رکن ہیں۔
start-added-cluster = 🤝 اب آپ { $role } کے طور پر { $cluster } میں بھی شامل ہیں۔
start-too-many = ⏳ بہت زیادہ غلط کوڈ بھیجے گئے ہیں۔ براہِ کرم { $minutes } منٹ انتظار کر کے دوبارہ کوشش کریں، یا اپنے { -cda } (CDA) سے نیا لنک مانگیں۔

## رجسٹریشن
onboarding-welcome = 👋 خوش آمدید! آپ کو { $cluster } میں شامل ہونے کی دعوت دی گئی ہے۔
lang-choose = 🌐 اپنی زبان منتخب کریں:
consent-ask = 🔒 اگر آپ { $cluster } میں حصہ لیں تو میں آپ کا نام، زبان، جنس (اگر آپ بتائیں)، آپ کا { -cooperative } اور آپ کے جوابات محفوظ کروں گا۔ آپ کا { -cda-long } انہیں { -cluster } کے کام پر نظر رکھنے کے لیے استعمال کرتا ہے۔ { $gender ->
        [woman] آپ انہیں کسی بھی وقت /mydata سے دیکھ سکتی ہیں اور /forget سے مٹا سکتی ہیں۔
        [man] آپ انہیں کسی بھی وقت /mydata سے دیکھ سکتے ہیں اور /forget سے مٹا سکتے ہیں۔
       *[other] انہیں کسی بھی وقت /mydata سے دیکھا اور /forget سے مٹایا جا سکتا ہے۔
    }
    کیا آپ متفق ہیں؟
btn-agree = ✅ منظور ہے
btn-decline = ✋ نہیں، شکریہ
consent-declined = 👌 ٹھیک ہے۔ آپ کے بارے میں کچھ بھی محفوظ نہیں کیا گیا۔ اگر آپ کا ارادہ بدل جائے تو دعوتی لنک دوبارہ کھولیں۔
name-ask = ✍️ آپ کا نام کیا ہے؟ اگر بٹن پر لکھا نام درست ہے تو اسے دبائیں، ورنہ اپنا نام لکھیں۔
name-ask-type = ✍️ آپ کا نام کیا ہے؟ براہِ کرم لکھ کر بھیجیں۔
name-invalid = ✍️ براہِ کرم اپنا نام حروف میں لکھیں، زیادہ سے زیادہ 64 حروف۔
reask-name = ✍️ براہِ کرم اپنا نام لکھ کر بھیجیں، یا اپنے نام والا بٹن دبائیں۔
gender-ask = 👤 آپ عورت ہیں یا مرد؟ اس سے { -cluster } کو پتا چلتا ہے کہ خواتین کتنا حصہ لے رہی ہیں۔ آپ چاہیں تو نہ بتائیں۔
btn-woman = 👩 عورت
btn-man = 👨 مرد
btn-undisclosed = 🤐 نہیں بتانا
coop-ask = 🏠 { $gender ->
        [woman] آپ کس { -cooperative } کی رکن ہیں؟
       *[other] آپ کس { -cooperative } کے رکن ہیں؟
    }
btn-no-coop = 🚫 کوئی نہیں
btn-back = ⬅️ واپس
reask-buttons = 👇 براہِ کرم نیچے دیے گئے بٹنوں میں سے ایک دبائیں۔
onboarding-finish-first = 👇 براہِ کرم پہلے شمولیت مکمل کریں۔
onboarding-done = 🎉 خوش آمدید، { $name }! { $gender ->
        [woman] اب آپ { $role } کے طور پر { $cluster } کی رکن ہیں۔
       *[other] اب آپ { $role } کے طور پر { $cluster } کے رکن ہیں۔
    }

## کردار
role-producer = پروڈیوسر
role-leader = { -cooperative } لیڈر
role-cda = { -cda-long } (CDA)

## مرکزی مینو اور مدد
menu-title = 🏠 مرکزی مینو: { $gender ->
        [woman] آپ کیا کرنا چاہیں گی؟
        [man] آپ کیا کرنا چاہیں گے؟
       *[other] کیا کرنا ہے؟
    }
btn-mydata = 👤 میرا ڈیٹا
btn-language = 🌐 زبان
btn-help = ❓ مدد
btn-invite = ➕ دعوت
not-understood = 🤔 معاف کیجیے، میں سمجھ نہیں سکا۔ یہ رہا مینو:
dialogue-lost = 🔄 بوٹ اپ ڈیٹ ہوا اور بات چیت کا سلسلہ کھو گیا۔ آئیے دوبارہ شروع کرتے ہیں۔
lang-changed = 🌐 اب سے میں آپ کو اردو میں لکھوں گا۔

## میرا ڈیٹا
mydata-title = 👤 آپ کے بارے میں clusterbot یہ محفوظ رکھتا ہے:
mydata-name = نام: { $name }
mydata-language = زبان: { $language }
mydata-gender = جنس: { $answer }
mydata-membership = { -cluster } { $cluster }: { $role }
mydata-membership-coop = { -cluster } { $cluster }: { $role }، { $cooperative }
mydata-consent = رضامندی کی تاریخ: { $date }
mydata-telegram = ٹیلی گرام آئی ڈی: { $id }
mydata-forget-hint = اپنا ذاتی ڈیٹا مٹانے کے لیے /forget بھیجیں۔
mydata-none = 💡 آپ کے بارے میں clusterbot کے پاس کچھ بھی محفوظ نہیں۔
gender-woman = عورت
gender-man = مرد
gender-undisclosed = بتانا پسند نہیں
gender-unknown = نہیں بتایا گیا

## ڈیٹا مٹانا
forget-confirm = 🗑 { $gender ->
        [woman] کیا آپ اپنا ذاتی ڈیٹا مٹانا چاہتی ہیں؟
        [man] کیا آپ اپنا ذاتی ڈیٹا مٹانا چاہتے ہیں؟
       *[other] کیا آپ کا ذاتی ڈیٹا مٹا دیا جائے؟
    } آپ کا نام، ٹیلی گرام اکاؤنٹ، جنس اور زبان مٹا دیے جائیں گے۔ آپ کے دیے ہوئے جوابات صرف گمنام شکل میں، آپ کے نام کے بغیر، باقی رہیں گے۔
btn-forget-yes = 🗑 ہاں، مٹا دیں
btn-forget-no = ↩️ نہیں، رہنے دیں
forget-done = 🗑️ میں نے آپ کا ذاتی ڈیٹا مٹا دیا ہے۔ خدا حافظ! دوبارہ شامل ہونے کے لیے اپنے { -cda } (CDA) سے نئی دعوت مانگیں۔
forget-kept = 👌 کچھ بھی نہیں مٹایا گیا۔
forget-nothing = 💡 آپ کا کوئی ذاتی ڈیٹا موجود نہیں جسے مٹایا جائے۔

## چیٹ میں بنائی گئی دعوتیں (ڈیولپمنٹ ایجنٹ)
invite-choose-role = ➕ یہ دعوت کس کے لیے ہے؟
btn-role-producer = 🧑‍🌾 پروڈیوسر
btn-role-leader = 👩‍💼 لیڈر
btn-role-cda = 🧭 { -cda } (CDA)
invite-choose-cluster = 🌍 کون سا { -cluster }؟
invite-choose-coop = 🏠 کون سا { -cooperative }؟
invite-created = 🔗 یہ دعوت { $cluster } کے ایک { $role } کے لیے ہے:
    { $link }
    { $uses ->
        [one] یہ { $expires } تک ایک بار استعمال ہو سکتی ہے۔
       *[other] اسے { $expires } تک { $uses } لوگ استعمال کر سکتے ہیں۔
    }
    اسے اس شخص کو فارورڈ کریں، یا اس کے گروپ میں شیئر کریں۔

## غلطیاں اور اطلاعات
button-expired = ⌛ یہ بٹن اب کام نہیں کرتا۔
error-not-allowed = ⛔ یہ کام صرف { -cda-long } کر سکتے ہیں۔
error-generic = ⚠️ ہماری طرف سے کچھ گڑبڑ ہو گئی۔ براہِ کرم تھوڑی دیر بعد دوبارہ کوشش کریں۔
error-internal = ⚠️ ہماری طرف سے کچھ گڑبڑ ہو گئی۔ جو آپ نے بھیجا وہ محفوظ ہے؛ براہِ کرم تھوڑی دیر بعد دوبارہ کوشش کریں۔
error-no-longer-active = ⌛ یہ اب فعال نہیں ہے۔
error-not-found = 🔎 یہ اب یہاں نہیں ہے: شاید اسے ہٹا دیا گیا ہے۔
group-private-only = 💬 براہِ کرم مجھ سے نجی چیٹ میں بات کریں: میرے نام پر ٹیپ کریں، پھر Start دبائیں۔

## سوالنامے: جواب دینا
form-invitation = 📋 نیا سوالنامہ: { $title }
    { $count ->
        [one] ایک سوال۔
       *[other] { $count } سوال۔
    } جب آپ تیار ہوں تو «شروع کریں» دبائیں؛ { $gender ->
        [woman] آپ رک کر بعد میں جاری رکھ سکتی ہیں۔
        [man] آپ رک کر بعد میں جاری رکھ سکتے ہیں۔
       *[other] رک کر بعد میں جاری رکھنا بھی ممکن ہے۔
    }
form-invitation-deadline = ⏳ براہِ کرم { $date } سے پہلے جواب دیں۔
form-nudge = ⏰ یاد دہانی: براہِ کرم { $date } سے پہلے سوالنامہ { $title } کا جواب دیں۔ اس میں صرف چند منٹ لگتے ہیں۔
btn-form-start = ▶️ شروع کریں
btn-form-continue = ▶️ جاری رکھیں
btn-form-next = ➡️ اگلا
btn-form-ok = ✅ ٹھیک ہے
btn-form-done = ✔️ مکمل
btn-form-skip = ⏭ چھوڑ دیں
btn-form-repeat = 🔁 دوبارہ
btn-form-today = 📅 آج
btn-form-yesterday = 📅 گزشتہ کل
btn-form-other = ✏️ کوئی اور
btn-form-location = 📍 میری لوکیشن بھیجیں
form-hint-text = ✍️ اپنا جواب لکھیں، یا وائس نوٹ بھیجیں 🎤۔
form-hint-number = 🔢 نمبر لکھیں۔
form-hint-decimal = 🔢 نمبر لکھیں، مثلاً 2.5
form-hint-date = 📅 تاریخ اس طرح لکھیں: 25/12/2024، یا کوئی بٹن دبائیں۔
form-hint-audio = 🎤 وائس نوٹ بھیجیں۔
form-hint-image = 📷 تصویر بھیجیں۔
form-hint-geopoint = 📍 اپنی لوکیشن بھیجنے کے لیے نیچے والا بٹن دبائیں۔
form-hint-multiple = ☑️ ہر وہ جواب دبائیں جو درست ہو، پھر ✔️ مکمل دبائیں۔
form-specify-other = ✏️ براہِ کرم بتائیں کہ یہ کیا ہے: لکھ دیں، یا وائس نوٹ بھیجیں۔
form-not-a-number = 🔢 براہِ کرم نمبر لکھیں، مثلاً 12
form-not-whole = 🔢 براہِ کرم پورا نمبر لکھیں، اعشاریہ کے بغیر۔
form-not-a-date = 📅 براہِ کرم تاریخ اس طرح لکھیں: 25/12/2024
form-constraint-default = ⚠️ یہ جواب یہاں ممکن نہیں۔ براہِ کرم اسے چیک کریں اور دوبارہ جواب دیں۔
form-required = ❗ اس سوال کا جواب دینا ضروری ہے۔
form-use-buttons = 👇 براہِ کرم بٹنوں سے جواب دیں۔
form-voice-kept = 🎤 شکریہ، میں نے آپ کا وائس نوٹ رکھ لیا ہے۔ براہِ کرم کوئی ایک بٹن بھی دبائیں۔
form-send-voice = 🎤 براہِ کرم وائس نوٹ بھیجیں: بولتے وقت مائیک والا بٹن دبائے رکھیں۔
form-send-photo = 📷 براہِ کرم تصویر بھیجیں۔
form-send-location = 📍 براہِ کرم اپنی لوکیشن بھیجنے کے لیے بٹن دبائیں۔
form-file-too-big = ⚠️ یہ فائل بہت بڑی ہے: ٹیلی گرام مجھے زیادہ سے زیادہ 20 MB تک وصول کرنے دیتا ہے۔ براہِ کرم چھوٹی فائل بھیجیں۔
form-finished = 🎉 شکریہ! سوالنامہ { $title } کے لیے آپ کے جوابات محفوظ ہو گئے ہیں۔
form-closed = ⌛ یہ سوالنامہ بند ہو چکا ہے۔
form-already-done = 🏁 { $gender ->
        [woman] آپ اس سوالنامے کا جواب پہلے ہی دے چکی ہیں۔ شکریہ!
        [man] آپ اس سوالنامے کا جواب پہلے ہی دے چکے ہیں۔ شکریہ!
       *[other] اس سوالنامے کا جواب پہلے ہی دیا جا چکا ہے۔ شکریہ!
    }
form-none-open = 📋 ابھی آپ کے لیے جواب دینے کو کوئی سوالنامہ نہیں ہے۔
form-open-list = 📋 آپ کے سوالنامے:
btn-forms = 📋 سوالنامے

## سوالنامے: درآمد، بھیجنا، نتائج (ڈیولپمنٹ ایجنٹ)
import-ok = 📥 سوالنامہ { $title } درآمد ہو گیا: { $count ->
        [one] ایک سوال
       *[other] { $count } سوال
    }؛ زبانیں: { $languages }۔
import-one-language = ایک، زبان کے نام کے بغیر
import-texts-cut = ✂️ کچھ متن چیٹ کے لیے بہت لمبے تھے اس لیے کاٹ دیے گئے (آخر میں «…»):
    { $texts }
import-unchanged = 💡 سوالنامہ { $title } کا یہ ورژن پہلے ہی درآمد ہو چکا ہے۔
import-version-conflict = ⚠️ اسی آئی ڈی اور ورژن والا ایک مختلف فارم پہلے ہی درآمد ہو چکا ہے۔ settings شیٹ میں ورژن بدلیں اور دوبارہ بھیجیں۔
import-failed = ❌ فارم درآمد نہیں ہوا۔ براہِ کرم یہ مسائل ٹھیک کریں اور دوبارہ بھیجیں:
    { $problems }
import-not-xlsx = 📎 براہِ کرم سوالنامہ XLSForm فائل (.xlsx) کی صورت میں بھیجیں۔
btn-launch = 🚀 سوالنامہ بھیجیں
btn-results = 📊 نتائج
launch-choose-form = 📋 کون سا سوالنامہ؟
launch-no-forms = 📋 ابھی کوئی سوالنامہ موجود نہیں۔ درآمد کرنے کے لیے مجھے XLSForm فائل (.xlsx) بھیجیں۔
launch-choose-audience = 👥 جواب کون دے؟
btn-audience-cluster = 🌍 سب
btn-audience-leaders = 👩‍💼 لیڈرز
btn-audience-producers = 🧑‍🌾 پروڈیوسرز
launch-choose-deadline = ⏳ جواب کے لیے کتنی مہلت؟
btn-deadline-days = { $days ->
        [one] ⏳ مہلت: ایک دن
       *[other] ⏳ مہلت: { $days } دن
    }
btn-deadline-none = ♾️ کوئی مہلت نہیں
launch-sent = 🚀 سوالنامہ شروع ہو گیا: { $count ->
        [one] ایک رکن کو دعوت بھیجی جا رہی ہے۔
       *[other] { $count } ارکان کو دعوتیں بھیجی جا رہی ہیں۔
    } جن تک رسائی نہ ہو سکی وہ /results میں نظر آئیں گے۔
launch-nobody = 🤷 اس گروپ میں ابھی کسی سے رابطہ نہیں ہو سکتا۔
results-choose = 📊 کس سوالنامے کے نتائج؟
results-none = 📊 آپ کے { -cluster(number: "other") } میں ابھی تک کوئی سوالنامہ نہیں بھیجا گیا۔
results-summary = 📊 نتائج: { $title }
    مدعو: { $invited } · شروع کیا: { $started } · مکمل کیا: { $finished }
results-by-cooperative = 🏠 { -cooperative } کے لحاظ سے:
results-by-gender = 👥 جنس کے لحاظ سے:
results-line = • گروپ { $group }: { $finished } نے مکمل کیا، { $started } نے شروع کیا، { $invited } مدعو
results-no-cooperative = کوئی { -cooperative } نہیں
results-chart-caption = 📊 سوال: { $question } ({ $count ->
        [one] ایک جواب
       *[other] { $count } جوابات
    })

## مشترکہ کام: پیش رفت کی رپورٹ
btn-report = 📝 رپورٹ
report-no-actions = 🎯 ابھی کوئی کھلا { -joint-action } نہیں جس کی آپ رپورٹ دے سکیں۔
report-choose-action = 🎯 کون سا { -joint-action }؟
report-ask-status = 🎯 { -joint-action } { $action } کیسا چل رہا ہے؟
report-confirm-done = 🏁 کیا { $action } پورے { -cooperative } کے لیے مکمل ہو گیا ہے؟ مکمل ہونے کے بعد اس پر کوئی رپورٹ نہیں کرے گا۔
btn-done-yes = 🏁 جی ہاں، مکمل ہو گیا
btn-done-no = ↩️ نہیں، ابھی نہیں
checkin-ask = 👋 { -joint-action } { $action } کیسا چل رہا ہے؟ بس ایک بٹن دبا دیں۔
status-not-started = ابھی شروع نہیں ہوا
status-on-track = ٹھیک چل رہا ہے
status-delayed = دیر ہو رہی ہے
status-blocked = کام رکا ہوا ہے
status-done = مکمل ہو گیا
report-ask-blocker = 🔴 کام کس وجہ سے رکا ہوا ہے؟
blocker-money = 💰 پیسے
blocker-inputs = 📦 خام مال
blocker-people = 👥 لوگ
blocker-equipment = ⚙️ مشینری
blocker-permits = 📜 اجازت نامے
blocker-other = ✏️ کوئی اور
report-blocker-explain = 🎤 اس کے بعد براہِ کرم وائس نوٹ یا میسج میں بتائیں کہ کام کس وجہ سے رکا ہوا ہے۔
report-ask-progress = 📈 کتنا کام ہو چکا ہے؟
report-ask-progress-target = 📈 کتنا کام ہو چکا ہے؟ کوئی فیصد دبائیں، یا لکھیں کہ کتنا ہو چکا ہے (ہدف { $target } ہے)۔
report-not-a-number = 🔢 براہِ کرم کوئی فیصد دبائیں، یا نمبر لکھیں۔
report-recorded = 📥 رپورٹ محفوظ ہو گئی: { $action }: { $summary }۔
    { $gender ->
        [woman] اب آپ نوٹ بھیج سکتی ہیں: میسج، وائس نوٹ 🎤 یا تصویر 📷۔ آپ { $minutes } منٹ کے اندر رپورٹ واپس لے سکتی ہیں۔
        [man] اب آپ نوٹ بھیج سکتے ہیں: میسج، وائس نوٹ 🎤 یا تصویر 📷۔ آپ { $minutes } منٹ کے اندر رپورٹ واپس لے سکتے ہیں۔
       *[other] اب نوٹ بھیجا جا سکتا ہے: میسج، وائس نوٹ 🎤 یا تصویر 📷۔ { $minutes } منٹ کے اندر رپورٹ واپس لی جا سکتی ہے۔
    }
btn-report-undo = ↩️ واپس لیں
btn-report-finish = ⏹️ ختم کریں
report-note-added = 📎 نوٹ شامل ہو گیا۔ ایک اور بھیجیں، یا ⏹️ ختم کریں دبائیں۔
report-note-kinds = 📎 نوٹ میسج، وائس نوٹ یا تصویر ہو سکتا ہے۔
report-undone = ↩️ رپورٹ واپس لے لی گئی۔
report-undo-too-late = ⌛ یہ رپورٹ واپس لینے کا وقت گزر چکا ہے۔ اس کی جگہ نئی رپورٹ بھیجیں۔
report-already-done = 🏁 یہ { -joint-action } پہلے ہی مکمل ہو چکا ہے۔ شکریہ!

## مشترکہ کام: ایکشن پلان (ڈیولپمنٹ ایجنٹ اور لیڈر)
btn-progress = 📈 پیش رفت
error-not-leader = ⛔ { -joint-action(number: "other", case: "obl") } کی پیش رفت صرف { -cooperative } لیڈر اور { -cda-long } دیکھ سکتے ہیں۔
progress-title = 📈 { -joint-action(number: "other") }:
progress-no-report = ابھی کوئی رپورٹ نہیں
progress-empty = 🎯 ابھی کوئی { -joint-action } نہیں۔
progress-warning-legend = ⚠️ کا مطلب ہے کہ کام کے لیے طے شدہ وقفے سے زیادہ عرصے سے کسی نے رپورٹ نہیں دی۔
progress-reports-by = 📊 رپورٹ کون دیتا ہے:
btn-progress-chart = 📊 چارٹ
progress-chart-title = 📈 { -joint-action(number: "other", case: "obl") } کی پیش رفت (%)
btn-action-add = ➕ { -joint-action } شامل کریں
action-whole-cluster = پورا { -cluster }
action-details = 👥 ذمہ دار: { $owners } · 📅 { $start } سے { $due } تک
btn-note-voice = 🎤 وائس نوٹ
btn-note-photo = 📷 تصویر
progress-media-caption = 👤 بھیجنے والا: { $who } · 🎯 سرگرمی: { $action } · 🕒 وقت: { $when }
note-media-caption = 📝 فیلڈ نوٹ از { $who } · { $cluster } · 🕒 { $when }
action-ask-title = ✍️ { -joint-action } کا نام کیا ہے؟ مثلاً: کھاد کی مشترکہ خریداری۔
action-ask-description = 📝 ایک جملے میں اس کے بارے میں بتائیں، یا ⏭ چھوڑ دیں دبائیں۔
action-ask-owners = 🏠 یہ کام کن { -cooperative(number: "other") } کے ذمے ہے؟ انہیں منتخب کرنے کے لیے دبائیں، پھر ✔️ مکمل دبائیں۔ اگر کوئی منتخب نہ کریں تو یہ پورے { -cluster } کا کام ہوگا۔
action-ask-start = 📅 یہ کب شروع ہوگا؟ تاریخ اس طرح لکھیں: 01/12/2026، یا «آج» دبائیں۔
action-ask-due = 📅 اسے کب تک مکمل ہونا ہے؟ تاریخ لکھیں، یا کوئی بٹن دبائیں۔
btn-months = { $months ->
        [one] 📅 مدت: ایک مہینہ
       *[other] 📅 مدت: { $months } مہینے
    }
action-ask-target = 🎯 کیا کوئی ہدف ہے؟ اسے اکائی کے ساتھ لکھیں، مثلاً 10 ٹن یا 500 کلو، یا ⏭ چھوڑ دیں دبائیں۔
action-ask-rhythm = ⏰ میں ذمہ داروں سے کتنی بار پوچھوں کہ کام کیسا چل رہا ہے؟
btn-no-checkins = 🔕 کبھی نہیں
action-due-before-start = 📅 آخری تاریخ شروع ہونے کی تاریخ کے بعد ہونی چاہیے۔
action-reask = ✍️ میں یہ سمجھ نہیں سکا۔ براہِ کرم نیچے دیے گئے سوال کا جواب دیں۔
action-added = 📥 { -joint-action } شامل ہو گیا: { $action }۔
btn-action-translate = 🌐 عنوان دوسری زبان میں
action-translate-language = 🌐 کس زبان میں؟
action-translate-type = ✍️ عنوان { $action } اس زبان میں لکھیں: { $language }۔
action-translate-saved = 📥 عنوان ({ $language }): { $title }

## میٹنگز
btn-meetings = 📅 میٹنگز
meeting-invitation = 📅 دعوت: { $title }
    🗓 { $when }
    📍 { $place }
    { $gender ->
        [woman] کیا آپ آئیں گی؟
        [man] کیا آپ آئیں گے؟
       *[other] کیا آپ کا آنا ہوگا؟
    }
meeting-reminder = ⏰ یاد دہانی: { $title }
    🗓 { $when }
    📍 { $place }
meeting-moved = 🕒 نیا وقت: { $title }
    🗓 { $when }
    📍 { $place }
    { $gender ->
        [woman] کیا آپ نئے وقت پر آئیں گی؟
        [man] کیا آپ نئے وقت پر آئیں گے؟
       *[other] کیا نئے وقت پر آپ کا آنا ہوگا؟
    }
meeting-cancelled = 🗑 منسوخ: میٹنگ { $title } ({ $when }) نہیں ہوگی۔
meeting-nudge = 🔔 { $gender ->
        [woman] براہِ کرم بتائیں کہ کیا آپ آئیں گی: { $title }
        [man] براہِ کرم بتائیں کہ کیا آپ آئیں گے: { $title }
       *[other] براہِ کرم بتائیں کہ کیا آپ کا آنا ہوگا: { $title }
    }
    🗓 { $when }
    📍 { $place }
meeting-your-answer = آپ کا جواب: { $answer }
meeting-answer-again = آپ نے پرانے وقت کے لیے { $answer } جواب دیا تھا — براہ کرم دوبارہ جواب دیں۔
meeting-before-change = ↩️ تبدیلی سے پہلے کے جواب: { $names }
rsvp-coming = ہاں
rsvp-not-coming = نہیں
rsvp-maybe = شاید
meeting-closed = ⌛ یہ میٹنگ شروع ہو چکی ہے یا منسوخ ہو گئی ہے۔
meeting-ask-title = 📅 میٹنگ کس چیز کی ہے؟ مثلاً: { -commission }، یا { -cooperative } کی میٹنگ۔
meeting-ask-day = 🗓 کس دن؟ کوئی دن دبائیں، یا تاریخ اور وقت لکھیں، مثلاً 25/12/2026 14:30
meeting-ask-time = 🕒 کس وقت؟ کوئی گھنٹہ دبائیں، یا وقت لکھیں، مثلاً 14:30
meeting-ask-place = 📍 کہاں؟ جگہ کا نام لکھیں، یا لوکیشن بھیجیں۔
meeting-ask-audience = 👥 کس کو بلایا گیا ہے؟
btn-audience-commission = 🏛️ { -commission }
meeting-ask-reminders = ⏰ میں لوگوں کو کب یاد دلاؤں؟ بدلنے کے لیے دبائیں، پھر ✔️ مکمل دبائیں۔
reminder-1w = ایک ہفتہ پہلے
reminder-1d = ایک دن پہلے
reminder-3h = 3 گھنٹے پہلے
reminder-1h = ایک گھنٹہ پہلے
meeting-time-past = ⌛ یہ وقت گزر چکا ہے۔ براہِ کرم آگے کا کوئی وقت منتخب کریں۔
meeting-time-skipped = 🕒 اس دن یہ وقت موجود نہیں، کیونکہ اس دن گھڑیاں بدلتی ہیں۔ براہِ کرم کوئی اور وقت منتخب کریں۔
meeting-time-unreadable = 🕒 میں یہ پڑھ نہیں سکا۔ براہِ کرم اس طرح لکھیں: 25/12/2026 14:30، یا کوئی بٹن دبائیں۔
meeting-scheduled = 📅 میٹنگ طے ہو گئی: { $title }، { $when }۔ { $count ->
        [one] ایک شخص کو دعوت دی گئی ہے۔
       *[other] { $count } لوگوں کو دعوت دی گئی ہے۔
    }
btn-meeting-details = 👥 کون آ رہا ہے
meetings-title = 📅 آنے والی میٹنگز:
meetings-none = 📅 کوئی میٹنگ طے نہیں ہے۔
meeting-is-cancelled = 🗑 یہ میٹنگ منسوخ ہو چکی ہے۔
meeting-unanswered = ⏳ ابھی جواب نہیں دیا: { $names }
meeting-unreachable = 🚫 رابطہ نہیں ہو سکا: { $names }
btn-meeting-remind = 🔔 جواب نہ دینے والوں کو یاد دلائیں
btn-meeting-move = 🕒 وقت بدلیں
btn-meeting-cancel = 🗑 میٹنگ منسوخ کریں
btn-meeting-cancel-confirm = 🗑 ہاں، منسوخ کریں
meeting-cancel-ask = 🗑 کیا میٹنگ { $title } منسوخ کر دیں؟ تمام مدعو افراد کو بتا دیا جائے گا۔
meeting-cancel-done = 🗑 میٹنگ { $title } منسوخ ہو گئی۔ تمام مدعو افراد کو بتا دیا جائے گا۔
meeting-moved-done = 🕒 میٹنگ { $title } اب { $when } کو ہوگی۔ تمام مدعو افراد کو بتا دیا جائے گا۔
meeting-reminded = { $count ->
        [one] 🔔 ایک یاد دہانی بھیجی جا رہی ہے۔
       *[other] 🔔 کل { $count } یاد دہانیاں بھیجی جا رہی ہیں۔
    }

## فیلڈ نوٹس (ڈیولپمنٹ ایجنٹ)
field-note-saved = 📝 { -cluster } { $cluster } کے فیلڈ نوٹ کے طور پر محفوظ ہو گیا۔ کیا ٹیگ لگانا ہے؟
btn-tag-meeting = 🤝 میٹنگ
btn-tag-visit = 🚶 دورہ
btn-tag-problem = ⚠️ مسئلہ
btn-tag-success = 🌟 کامیابی کی کہانی
field-note-tagged = 🏷️ ٹیگ: { $tag }
cluster-choose = 🌍 { $gender ->
        [woman] آپ کس { -cluster } میں کام کر رہی ہیں؟
        [man] آپ کس { -cluster } میں کام کر رہے ہیں؟
       *[other] آپ کا کام کس { -cluster } میں ہے؟
    }
cluster-chosen = 🌍 اب آپ کے فیلڈ نوٹس { -cluster } { $cluster } میں جائیں گے۔
notes-title = 📝 { -cluster } { $cluster } کے تازہ ترین فیلڈ نوٹس:
notes-none = 📝 ابھی کوئی فیلڈ نوٹ نہیں۔ مجھے میسج، وائس نوٹ، تصویر، دستاویز یا مقام بھیجیں۔
btn-note-document = 📄 دستاویز
btn-note-location = 📍 مقام

## ڈیٹا برآمد کرنا (ڈیولپمنٹ ایجنٹ)
btn-export = 📤 برآمد کریں
export-choose-dataset = 📤 کون سا ڈیٹا؟
btn-export-members = 👥 ارکان
btn-export-responses = 📋 سوالناموں کے جوابات
btn-export-reports = 📈 پیش رفت کی رپورٹس
btn-export-meetings = 📅 میٹنگز اور جوابات
btn-export-notes = 📝 فیلڈ نوٹس
export-choose-format = 📤 کون سی فائل؟
btn-export-csv = 📄 فائل (CSV)
btn-export-xlsx = 📊 فائل (Excel)
btn-export-zip = 📦 ایکسل + میڈیا (ZIP)
export-ready = 📤 فائل میں { $rows ->
        [one] ایک قطار ہے۔
       *[other] { $rows } قطاریں ہیں۔
    }
export-media-ready = 📦 زپ فائل میں { $files ->
        [one] ایک وائس نوٹ یا تصویر ہے۔
       *[other] { $files } وائس نوٹس اور تصویریں ہیں۔
    }
export-too-big = 📤 یہ فائل ٹیلی گرام پر بھیجنے کے لیے بہت بڑی ہے (50 MB سے زیادہ)۔ براہِ کرم کمانڈ لائن پر clusterbot export استعمال کریں۔

## کمانڈ مینو
cmd-start = شروع کریں، یا دعوت کے ذریعے شامل ہوں
cmd-menu = مرکزی مینو
cmd-mydata = میرے بارے میں کیا محفوظ ہے
cmd-language = زبان بدلیں
cmd-help = مدد
cmd-forget = میرا ذاتی ڈیٹا مٹائیں
cmd-invite = دعوت بنائیں (CDA)
cmd-forms = میرے سوالنامے
cmd-launch = سوالنامہ بھیجیں (CDA)
cmd-results = سوالناموں کے نتائج (CDA)
cmd-report = کسی { -joint-action } کی پیش رفت بتائیں
cmd-progress = { -joint-action(number: "other", case: "obl") } کی پیش رفت (لیڈرز، CDA)
cmd-actions = ایکشن پلان (CDA)
cmd-meeting = میٹنگ طے کریں (لیڈر، CDA)
cmd-meetings = آنے والی میٹنگز اور جوابات (لیڈر، CDA)
cmd-notes = تازہ ترین فیلڈ نوٹس (CDA)
cmd-cluster = وہ { -cluster } منتخب کریں جس میں آپ کام کرتے ہیں (CDA)
cmd-export = ڈیٹا اسپریڈشیٹ میں برآمد کریں (CDA)

## ہر قدم پر آواز، CDA سے رابطہ، بوٹ بولتا ہے (مسئلہ 12)
btn-ask-cda = 🙋 اپنے { -cda } سے پوچھیں
cmd-ask = اپنے { -cda } سے سوال پوچھیں
cmd-questions = ارکان کے سوالات (CDA)
cmd-names = وائس نوٹ میں بتائے گئے نام (CDA)
ask-prompt = 🙋 اپنے { -cda } سے کیا پوچھنا ہے؟ لکھیں یا وائس نوٹ 🎤 بھیجیں۔
ask-sent = 📨 سوال آپ کے { -cda } کو بھیج دیا گیا۔ جواب یہیں آئے گا۔
ask-kept = 📥 سوال آپ کے { -cda } کے لیے محفوظ ہے، جواب یہیں آئے گا۔
ask-question = 🙋 سوال از { $who } ({ $cluster }):
ask-question-voice = 🎤 وائس نوٹ: اوپر سنیں۔
ask-reply-hint = ↩️ جواب دینے کے لیے اس پیغام کا جواب دیں (تحریر یا وائس نوٹ)۔
ask-answer = 💬 آپ کے { -cda } { $cda } کا جواب:
ask-answer-how = ↩️ براہِ کرم تحریر یا وائس نوٹ سے جواب دیں۔
ask-answer-sent = 📨 آپ کا جواب { $name } کو جا رہا ہے۔
questions-title = 🙋 ارکان کے سوالات، { $cluster } (↩️ جواب کے لیے):
questions-none = ابھی تک کوئی سوال نہیں۔
question-waiting = ⏳ جواب کا انتظار
question-answered = ✔️ جواب: { $cda }
names-title = 🎤 وہ ارکان جنہوں نے نام وائس نوٹ میں بتایا، { $cluster }:
names-none = کسی نے نام وائس نوٹ میں نہیں بتایا۔
names-type = ✍️ اس رکن کا نام لکھیں۔
names-saved = ✔️ نام محفوظ ہو گیا: { $name }
name-voice-hint = 🎤 نام وائس نوٹ میں بھی بتایا جا سکتا ہے۔
name-voice-kept = 🎤 شکریہ، نام ویسے ہی محفوظ ہے جیسے بتایا گیا۔
results-voice-review = 🎤 وائس نوٹ والے جوابات، جانچ کے لیے — { $question }: { $count }
btn-speak = 🔊 سنیں
tts-failed = 🔇 معذرت، ابھی یہ وائس نوٹ میں نہیں سنایا جا سکتا۔
read-today = آج
read-tomorrow = کل
read-yesterday = گزشتہ کل
read-weekday = { $weekday ->
    [mon] پیر
    [tue] منگل
    [wed] بدھ
    [thu] جمعرات
    [fri] جمعہ
    [sat] ہفتہ
   *[sun] اتوار
}
read-month = { $month ->
    [1] جنوری
    [2] فروری
    [3] مارچ
    [4] اپریل
    [5] مئی
    [6] جون
    [7] جولائی
    [8] اگست
    [9] ستمبر
    [10] اکتوبر
    [11] نومبر
   *[12] دسمبر
}
read-day-part = { $part ->
    [small-hours] رات
    [morning] صبح
    [afternoon] دوپہر
    [evening] شام
   *[night] رات
}
read-location-pin = جگہ نیچے نقشے پر
consent-short = 🔒 { $cluster } میں حصہ لینے کے لیے میں نام، زبان، جنس، { -cooperative } اور جوابات { -cda } کے لیے محفوظ کرتا ہوں۔ دیکھنے کے لیے: /mydata۔ مٹانے کے لیے: /forget۔
btn-more = ℹ️ مزید
help-title = ❓ کیا کرنا ہے؟
