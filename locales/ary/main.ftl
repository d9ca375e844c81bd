app-name = كلنا معاك
app-tagline = حنا كاملين حداكي
app-version = النسخة { $version }
language-label = اللغة
status-heading = هاد التيليفون
status-loading = كنتأكدو…
status-storage-ready = الحفظ فهاد التيليفون واجد ومحمي
status-storage-version = نسخة الحفظ { $version }
home-waiting = { $count ->
    [zero] حتى حاجة ما كتسنى تتصيفط
    [one] حاجة وحدة كتسنى تتصيفط
    [two] جوج حوايج كيتسناو يتصيفطو
    [few] { $count } حوايج كيتسناو يتصيفطو
    [many] { $count } حاجة كيتسناو يتصيفطو
   *[other] { $count } حاجة كيتسناو يتصيفطو
}
service-reachable = خدمة الإنصات موجودة
service-unreachable = ما قدرناش نوصلو لخدمة الإنصات دابا. كلشي محفوظ مزيان فهاد التيليفون.
service-unknown = مازال ما تواصلناش مع خدمة الإنصات
service-not-configured = حتى شي خدمة ديال الإنصات ما مقادة فهاد التيليفون
error-storage = ما قدرناش نحلو الحفظ فهاد التيليفون. حتى حاجة ما تمسحات.
error-generic = وقع شي مشكل. عاودي جربي.
panic-button = عتقوني
panic-button-label = بوطونة الإنذار: ضغطي عليها وخليها جوج ثواني باش تصيفطي إنذار
panic-hold-hint = ضغطي وخلي صبعك جوج ثواني
panic-countdown = { $count ->
    [zero] الإنذار كيتصيفط دابا
    [one] الإنذار غادي يتصيفط من هنا ثانية
    [two] الإنذار غادي يتصيفط من هنا جوج ثواني
    [few] الإنذار غادي يتصيفط من هنا { $count } ثواني
    [many] الإنذار غادي يتصيفط من هنا { $count } ثانية
   *[other] الإنذار غادي يتصيفط من هنا { $count } ثانية
}
panic-cancel = بلاش
panic-sending = كنحفظو الإنذار…
panic-saved = الإنذار تحفظ فهاد التيليفون. غادي يتصيفط غير يكون الريزو.
panic-failed = ما قدرناش نحفظو الإنذار. عيطي ل 19 (البوليس) ولا 8350.
pin-setup-heading = حمي هاد التطبيق بكود سري
pin-setup-hint = بلا الكود ديالك حتى واحد ما يقدر يقرا داكشي اللي كتبتي هنا. بوطونة النجدة خدامة حتى والتطبيق مسدود.
pin-label = الكود السري
pin-again-label = نفس الكود عاوتاني
pin-save = سجلي الكود
pin-too-short = الكود خاصو يكون فيه 4 ديال الحروف على الأقل
pin-mismatch = الجوج كودات ماشي بحال بحال
unlock-heading = دخلي الكود ديالك
unlock-button = حلي
wrong-pin = الكود غالط
pin-wait = { $count ->
    [zero] بزاف ديال المحاولات. جربي دابا.
    [one] بزاف ديال المحاولات. تسناي ثانية.
    [two] بزاف ديال المحاولات. تسناي جوج ثواني.
    [few] بزاف ديال المحاولات. تسناي { $count } ثواني.
    [many] بزاف ديال المحاولات. تسناي { $count } ثانية.
   *[other] بزاف ديال المحاولات. تسناي { $count } ثانية.
}
lock-heading = التطبيق محلول
lock-button = سدي دابا
quick-exit = خرجي
quick-exit-label = خروج بالزربة: خبي التطبيق دابا (بوطونة Escape)
disguise-toggle = حلي التطبيق بحال شي كالكولاتريس
disguise-hint = باش ترجعي من الكالكولاتريس، كتبي الكود ديالك ومن بعد =
report-open = بلّغي على العنف
report-heading = عاودي شنو وقع
report-saved = محفوظ فهاد التيليفون ومشفّر
report-violence = شمن نوع ديال العنف؟ تقدري تختاري بزاف.
violence-physical = جسدي (ضرب)
violence-sexual = جنسي
violence-psychological = نفسي (تهديد، سبان، تحرش)
violence-economic = اقتصادي (خداو ليك الفلوس ولا الخدمة ولا الوراق)
violence-digital = رقمي (تصاور، ميساجات، تبع فالأنترنيت)
report-when = فوقاش وقع هادشي؟
report-region = الجهة
report-region-none = ختاري الجهة
report-place = المدينة ولا البلاصة (إلا بغيتي)
report-danger = شي واحد فخطر دابا
report-children = الدراري الصغار فخطر
report-relation = شكون دار ليك هادشي؟
relation-none = ختاري
relation-partner = الراجل ولا الشريك
relation-former_partner = الراجل ولا الشريك اللي كان
relation-family = شي واحد من العائلة
relation-acquaintance = شي واحد كنعرفو
relation-work = المعلم ولا شي واحد فالخدمة
relation-stranger = واحد براني
relation-not_said = ما بغيتش نقول
report-text = شنو وقع، بالهضرة ديالك
voice-heading = ولا قوليها فميساج صوتي
voice-record = سجلي ميساج صوتي
voice-starting = كنشعلو الميكرو…
voice-stop = وقفي وخليه
voice-saving = كنحفظو الميساج الصوتي ديالك بلا خطر…
voice-saved = الميساج الصوتي ديالك ({ $length }) محفوظ مع هاد البلاغ، مسدود فهاد التيليفون.
voice-listen = سمعيه
voice-delete = مسحي الميساج الصوتي
voice-unsupported = التسجيل ما ممكنش فهاد التيليفون. تقدري تكتبي بلاصتو.
voice-no-microphone = ما قدرناش نخدمو الميكرو. تقدري تكتبي بلاصتو.
voice-failed = ما قدرناش نحفظو الميساج الصوتي. عاودي جربي.
consent-contact = وحدة من المنصتات تقدر تعيط ليا
report-phone = النمرة باش يعيطو ليك
report-safe-times = فوقاش يقدرو يعيطو ليك بلا خطر؟
consent-referral = موافقة يوجهوني لشي مصلحة تقدر تعاوني
refer-prosecutor = خلية التكفل بالنساء فالنيابة العامة
refer-police = البوليس
refer-gendarmerie = الجدارمية
refer-health = السبيطار ولا المركز الصحي
refer-shelter = دار الإيواء
refer-legal_aid = المساعدة القانونية
refer-association = جمعية
consent-statistics = داكشي اللي كنصيفط يقدرو يحسبوه فإحصائيات بلا سمية
report-submit = صيفطي البلاغ
report-close = حفظي وسدي
report-discard = مسحي هاد البلاغ
report-sent = البلاغ ديالك تحفظ وغادي يتصيفط غير يكون الريزو.
resume-heading = بغيتي تكملي البلاغ ديالك؟
resume-continue = كملي
resume-discard = مسحيه
region-01 = طنجة تطوان الحسيمة
region-02 = الشرق
region-03 = فاس مكناس
region-04 = الرباط سلا القنيطرة
region-05 = بني ملال خنيفرة
region-06 = الدار البيضاء سطات
region-07 = مراكش آسفي
region-08 = درعة تافيلالت
region-09 = سوس ماسة
region-10 = كلميم واد نون
region-11 = العيون الساقية الحمراء
region-12 = الداخلة وادي الذهب
send-now = صيفطي دابا
sync-last-contact = { $count ->
    [zero] آخر تواصل مع الخدمة: دابا
    [one] آخر تواصل مع الخدمة: هادي دقيقة
    [two] آخر تواصل مع الخدمة: هادي جوج دقايق
    [few] آخر تواصل مع الخدمة: هادي { $count } دقايق
    [many] آخر تواصل مع الخدمة: هادي { $count } دقيقة
   *[other] آخر تواصل مع الخدمة: هادي { $count } دقيقة
}
sync-never = مازال ما تواصلناش مع الخدمة
sync-upload = كنصيفطو حاجة كبيرة (ميساج صوتي): { $percent }٪
sync-problem-not_configured = حتى شي خدمة ما مقادة فهاد التيليفون.
sync-problem-no_connection = ما كاينش الريزو. كلشي محفوظ مزيان فهاد التيليفون وغادي يتصيفط ملي يرجع الريزو.
sync-problem-service_unreachable = الخدمة ما كتجاوبش دابا. باقي كنعاودو.
sync-problem-service_busy = الخدمة عامرة. غادي نعاودو من بعد شوية.
sync-problem-item_refused = الخدمة رفضات حاجة وحدة؛ باقا فهاد التيليفون. الباقي كيتصيفط.
sync-problem-service_key_changed = الخدمة كتبين ساروت آخر. حتى حاجة ما غادي تتصيفط حتى يتأكد شي واحد. عيطي ل 8350.
sync-problem-device_refused = الخدمة ما قبلاتش هاد التيليفون. عيطي ل 8350 باش يعاونوك.
sync-problem-directory_refused = تحديث ديال الدليل ما كانش صحيح وتلاح. الدليل ديالك باقي.
sync-problem-incompatible = هاد التطبيق ما يقدرش يتفاهم مع هاد الخدمة. حدّثي التطبيق ولا شوفي العنوان ديال الخدمة.
sync-problem-storage = الحفظ فهاد التيليفون ما خدمش؛ يمكن عامر.
safety-heading = الأمان
change-pin-heading = بدلي الكود ديالك
pin-current-label = الكود ديالك دابا
change-pin-button = بدلي الكود
pin-changed = الكود ديالك تبدل
duress-heading = كود الضغط
duress-hint = كود تاني إلا شي واحد جبرك تحلي التطبيق: كيحل تطبيق خاوي باين عادي.
duress-wipe-toggle = مسحي كلشي حتى هو ملي يتستعمل هاد الكود
duress-save = سجلي كود الضغط
duress-saved = كود الضغط تسجل
wipe-heading = مسحي كلشي
wipe-hint = كيمسح كلشي اللي حافظ التطبيق فهاد التيليفون. ما يمكنش ترجعي فيه.
wipe-button = مسحي كلشي
wipe-countdown = { $count ->
    [zero] المسح دابا
    [one] المسح من هنا ثانية
    [two] المسح من هنا جوج ثواني
    [few] المسح من هنا { $count } ثواني
    [many] المسح من هنا { $count } ثانية
   *[other] المسح من هنا { $count } ثانية
}
support-open = عاونوني فالخدمة ولا التكوين ولا شي مشروع
support-heading = طلبي المساعدة فالخدمة ولا التكوين ولا شي مشروع
support-topic = فاش محتاجة المساعدة؟
topic-job = نلقى خدمة
topic-training = تكوين
topic-vocational_training = تكوين مهني
topic-business = نحل مقاولة
topic-income_generating_project = مشروع اللي يدخل فلوس
topic-other = حاجة أخرى
support-age = العمر ديالك
age-under_18 = قل من 18 عام
age-18_24 = من 18 حتى 24 عام
age-25_34 = من 25 حتى 34 عام
age-35_49 = من 35 حتى 49 عام
age-50_plus = 50 عام ولا كثر
support-schooling = القراية
schooling-none = ما قريتش
schooling-primary = الابتدائي
schooling-secondary = الإعدادي ولا الثانوي
schooling-vocational = التكوين المهني
schooling-university = الجامعة
support-text = شنو كتعرفي دير، وشنو بغيتي دير؟
support-submit = صيفطي الطلب
support-sent = الطلب ديالك تحفظ وغادي يتصيفط غير يكون الريزو.
cases-heading = البلاغات والطلبات ديالي
cases-none = مازال ما تصيفط والو
case-kind-alert = إنذار
case-kind-report = بلاغ
case-kind-support_request = طلب المساعدة فالخدمة ولا التكوين
case-kind-intake = استقبال فمركز
case-status-waiting = كيتسنى يتصيفط
case-status-sent = تصيفط
case-status-acknowledged = وصل لوحدة من المنصتات
case-status-referred = توجه لشي مصلحة
case-status-closed = تسد
case-message = ميساج من المنصتة:
call-heading = عيطي دابا
call-line = خط الإنصات للنساء
call-police = البوليس
call-gendarmerie = الجدارمية
call-civil = الوقاية المدنية (العافية، لانبيلانس)

## Alert progress, first run, settings
panic-sent = الإنذار تصيفط لخط النساء. كنتسناو شي مستمعة…
panic-received = وحدة المستمعة توصلات بالإنذار ديالك. بقاي فأمان، غادي تتحرك.
panic-refused = الخط ما قبلش هاد الإنذار. عيطي دابا ل 19 (البوليس) ولا 8350.
panic-step-saved = تحفظ
panic-step-sent = تصيفط
panic-step-received = وصل
first-run-language = ختاري اللغة ديالك
first-run-about-heading = شنو كيدير هاد التطبيق
first-run-about-alert = البوطونة ديال النجدة كتصيفط إنذار لخط النساء حتى يلا كان التطبيق مسدود. ضغطي عليها جوج ثواني.
first-run-about-report = تقدري تبلّغي على أي نوع ديال العنف، وتقولي شكون يقدر يعرف.
first-run-about-support = تقدري تطلبي المساعدة فالخدمة ولا التكوين ولا مشروع، وتلقاي العروض اللي قريبة ليك.
first-run-about-stored = داكشي اللي كتكتبي كيبقى فهاد التيليفون مسدود بالرمز ديالك. ما كيتصيفط غير لخط النساء، مختوم باش حتى واحد آخر ما يقراه.
first-run-about-offline = خدام بلا أنترنيت: داكشي اللي كتصيفطي كيتسنى هنا وكيمشي غير تكون الكونيكسيون.
first-run-about-exit = البوطونة ديال الخروج، ولا Escape، كتخبي التطبيق دغيا مور آلة حاسبة.
first-run-next = اللي من بعد
first-run-skip = دوزي، سيري للتطبيق
first-run-region-heading = الجهة ديالك
first-run-region-why = الجهة ديالك كتمشي مع الإنذار ملي هاد الجهاز ما كيعرفش فين نتي، وكتبيّن العروض اللي قريبة ليك.
first-run-pin-why = ختاري رمز سري باش حتى واحد ما يقرا داكشي اللي كتكتبي. تقدري تديريه من بعد حتى هو.
settings-heading = الإعدادات
settings-region = الجهة ديالك
settings-text-size = قد الكتابة
settings-text-size-normal = عادي
settings-text-size-large = كبير
settings-text-size-larger = كبير بزاف
settings-auto-lock = سدّ التطبيق من بعد
settings-auto-lock-never = عمرو
settings-auto-lock-minutes = { $count ->
    [zero] { $count } دقيقة بلا استعمال
    [one] دقيقة وحدة بلا استعمال
    [two] جوج دقايق بلا استعمال
    [few] { $count } دقايق بلا استعمال
    [many] { $count } دقيقة بلا استعمال
   *[other] { $count } دقيقة بلا استعمال
}
settings-saved = تحفظ.
settings-service = عنوان الخدمة (للفرق ديال الميدان)
settings-service-hint = ما تبدليهش غير إلا عطاك المركز ديالك عنوان. داكشي اللي باقي ما تصيفطش خاصو يتصيفط هو الأول؛ والبلاغات اللي تصيفطو كيبقاو عند الخدمة القديمة.
settings-service-address = العنوان
settings-service-save = تّاصلي
settings-service-connecting = كنتّاصلو…
settings-service-saved = تّاصلنا. التطبيق دابا كيخدم بهاد العنوان.
settings-service-invalid = هاد العنوان ما يمكنش يتخدم. خاصو يبدا بـ https://.
settings-service-waiting = باقي شي حوايج كتسنى تتصيفط. صيفطيهم هوما الأولين، من بعد بدلي العنوان.
settings-service-unreachable = هاد العنوان ما جاوبش. حتى حاجة ما تبدلات.
settings-service-refused = هاد العنوان ماشي خدمة ديال كلنا معك. حتى حاجة ما تبدلات.
settings-service-failed = ما نجحاتش. حتى حاجة ما تبدلات.
unlock-opening = كنحلّو… خاص شوية ديال الوقت.
panic-sms = صيفطي ميساج للناس اللي كتيقي فيهم
panic-sms-body = محتاجة المساعدة. عيطي ليا ولا أجي عافاك. أنا فجهة { $region }.
panic-sms-body-no-region = محتاجة المساعدة. عيطي ليا ولا أجي عافاك.
contacts-heading = الناس اللي كتيقي فيهم
contacts-hint = حتى تلاتة ديال الناس اللي شاشة النجدة كتقترح تصيفطي ليهم ميساج. محفوظين بالرمز ديالك.
contacts-number = نمرة التيليفون
contacts-save = حفظي النمر
contacts-saved = النمر تحفظو.
contacts-bad-number = وحدة من هادو ماشي نمرة تيليفون (تلاتة ديال النمر على الأكثر).
settings-about = على التطبيق والخصوصية ديالك

# Her screens besides home
nav-label = الصفحات ديال التطبيق
nav-cases = البلاغات والطلبات ديالي
nav-safety = الأمان
nav-settings = الإعدادات
nav-back = رجعي للرئيسية
