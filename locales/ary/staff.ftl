## The staff side: sign-in, queue, cases, intake, supervisor views.

staff-entry = دخول الفريق
staff-heading = المنصتات والخدامات فالميدان
staff-back-home = رجعي للتطبيق
staff-sign-in-heading = دخلي لخدمة الاستماع
staff-sign-in-hint = للمنصتات والخدامات فالميدان والمشرفات اللي عندهم حساب. خاص التطبيق يكون محلول بالرمز السري ديالو.
staff-username = سمية المستخدم
staff-password = كلمة السر
staff-sign-in = دخلي
staff-sign-out = خرجي
staff-signed-out = خرجتي من الحساب.
staff-session-ended = الجلسة ديالك سالات (فات الوقت ديالها ولا تسدّات). عاودي دخلي.
staff-role-listener = منصتة
staff-role-field_worker = خدامة فالميدان
staff-role-supervisor = مشرفة
staff-role-admin = مسؤولة
staff-scope-national = كاع الجهات
staff-scope-region = الجهة:
staff-scope-center = المركز:
staff-tab-queue = اللايحة
staff-tab-audit = سجل المراقبة
staff-tab-stats = الإحصائيات

staff-error-wrong-credentials = سمية المستخدم ولا كلمة السر غالطين.
staff-error-forbidden = الحساب ديالك ما عندوش الحق يدير هادشي.
staff-error-not-found = هاد الملف ما كاينش ولا ماشي تابع للمركز ولا الجهة ديالك.
staff-error-invalid = شي حاجة ناقصة ولا ما مقبولاش. شوفي الخانات وعاودي.
staff-error-refused = الخدمة رفضات: الملف تبدّل فهاد الوقت. حليه من جديد.
staff-error-wait = بزاف ديال المحاولات. تسناي شوية وعاودي.
staff-error-network = ما قدرناش نوصلو للخدمة. شوفي الاتصال وعاودي.
staff-error-locked = حلي التطبيق بالرمز السري ديالو قبل (فالشاشة الرئيسية).
staff-error-other = وقع شي مشكل. عاودي.

staff-queue-heading = اللايحة
staff-queue-count = { $count ->
    [zero] والو فاللايحة
    [one] ملف واحد
    [two] جوج ملفات
    [few] { $count } ملفات
    [many] { $count } ملف
   *[other] { $count } ملف
}
staff-filter-status = الحالة
staff-filter-open = الملفات المحلولة
staff-filter-kind = النوع
staff-filter-all = كاع الأنواع
staff-status-new = جديد
staff-status-acknowledged = تشدّ
staff-status-referred = تصيفط
staff-status-closed = تسدّ
staff-kind-alert = إنذار
staff-kind-report = تبليغ
staff-kind-intake = استقبال فالمركز
staff-kind-support_request = طلب دعم
staff-minutes-ago = { $count ->
    [zero] دابا
    [one] هادي دقيقة
    [two] هادي جوج دقايق
    [few] هادي { $count } دقايق
    [many] هادي { $count } دقيقة
   *[other] هادي { $count } دقيقة
}
staff-hours-ago = { $count ->
    [zero] هادي أقل من ساعة
    [one] هادي ساعة
    [two] هادي جوج سوايع
    [few] هادي { $count } سوايع
    [many] هادي { $count } ساعة
   *[other] هادي { $count } ساعة
}
staff-days-ago = { $count ->
    [zero] اليوم
    [one] هادي نهار
    [two] هادي يوميْن
    [few] هادي { $count } أيام
    [many] هادي { $count } يوم
   *[other] هادي { $count } يوم
}
staff-region-none = الجهة ما تعطاتش
staff-acknowledge = تكلّفي بيه
staff-open-case = حلّي

staff-back-to-queue = رجعي للايحة
staff-received = وصل ف
staff-what-she-sent = شنو صيفطات
staff-voice-note = الميساج الصوتي ديالها
staff-unreadable = ما قدرناش نقراو هاد الملف.
staff-her-language = مكتوب ب:
staff-violence = أنواع العنف
staff-happened = فوقاش
staff-place = فين
staff-in-danger = شي واحد فخطر دابا
staff-children = دراري صغار فخطر
staff-perpetrator = شكون دار هادشي
staff-topic = الدعم اللي طلبات
staff-yes = آه
staff-no = لا
staff-not-said = ما قالتش
staff-consents = الموافقات ديالها
staff-consent-services = تاخد الخدمات
staff-consent-referral = تتصيفط لشي جهة
staff-consent-any-service = لأي خدمة
staff-consent-contact = يتّاصلو بيها
staff-consent-statistics = تتحسب فإحصائيات بلا سمية
staff-no-contact = ما وافقاتش يتّاصلو بيها: ما تعيطيش ليها.
staff-call-back = عاودي عيطي ليها
staff-call = عيطي
staff-no-phone = ما عطاتش نمرة التيليفون.
staff-safe-times = الأوقات اللي آمنة باش تعيطي:

staff-refer = صيفطي لجهة
staff-refer-to = صيفطي ل
staff-refer-listing = الجهة (من الدليل)
staff-refer-listing-none = بلا ما تحددي جهة
staff-refer-message = ميساج قصير للتيليفون ديالها (إلا بغيتي)
staff-choose = ختاري
staff-destination-prosecutor = النيابة العامة (خلية التكفل بالنساء)
staff-destination-police = البوليس (الأمن الوطني)
staff-destination-gendarmerie = الجدارمية الملكية
staff-destination-health = مصلحة الصحة
staff-destination-shelter = مركز الإيواء
staff-destination-legal_aid = المساعدة القانونية
staff-destination-association = جمعية
staff-destination-training_employment = جهة ديال التكوين ولا الخدمة
staff-refer-no-consent = ما وافقاتش تتصيفط لهاد الجهة. غير المشرفة اللي تقدر تتجاوز هادشي، مع السبب.
staff-refer-no-consent-supervisor = ما وافقاتش تتصيفط لهاد الجهة. إلا بغيتي تصيفطيها واخا هاكاك، كتبي السبب؛ غادي يتسجّل فسجل المراقبة.
staff-override-reason = السبب باش تتجاوزي الاختيار ديالها
staff-refer-submit = صيفطي
staff-referrals = الإحالات
staff-referral-in_progress = كتمشي
staff-referral-accepted = تقبلات
staff-referral-rejected = ترفضات
staff-referral-revoked = تلغات
staff-referral-done = سالات
staff-referral-accept = تقبلات
staff-referral-mark-done = سالات
staff-referral-reject = ترفضات
staff-referral-revoke = لغيها
staff-reason = السبب (إلا ما نجحاتش)
staff-reason-refused_services = رفضات الخدمات
staff-reason-no_capacity = ما كاينش البلاصة
staff-reason-no_longer_needed = ما بقاتش محتاجة
staff-reason-unable_to_contact_her = ما قدرناش نتّاصلو بيها
staff-reason-unable_to_contact_service = ما قدرناش نتّاصلو بالجهة
staff-reason-other = سبب آخر
staff-overridden = بلا موافقتها (بقرار المشرفة)

staff-note = ملاحظة للفريق
staff-note-add = زيدي الملاحظة
staff-message = رسالة للتيليفون ديالها
staff-message-hint = ما كتشوفها غير ملي كتحل التطبيق بالرمز ديالها. ما تكتبي والو يقدر يخطّرها إلا قراه شي واحد آخر.
staff-message-send = صيفطي الرسالة
staff-close-case = سدّي الملف
staff-history = التاريخ ديال الملف
staff-event-received = وصل للخدمة
staff-event-acknowledge = تشدّ
staff-event-assign = تعطى لمركز
staff-event-refer = تصيفط
staff-event-referral_update = الإحالة تبدّلات
staff-event-note = ملاحظة
staff-event-message = تصيفطات ليها رسالة
staff-event-close = تسدّ
staff-done-acknowledged = تشدّ. غادي يبان ليها فالتيليفون.
staff-done-referred = تصيفط.
staff-done-referral = الإحالة تبدّلات.
staff-done-note = الملاحظة تزادت.
staff-done-message = الرسالة تصيفطات.
staff-done-closed = الملف تسدّ.

staff-audit-heading = سجل المراقبة
staff-audit-hint = شكون حلّ ولا خدم على شمن ملف، الجديد هو الأول.
staff-audit-when = فوقاش
staff-audit-who = شكون
staff-audit-what = شنو
staff-audit-case = الملف
staff-audit-action-case_read = حلّات الملف
staff-audit-action-acknowledge = تكلّفات
staff-audit-action-assign = عطات لمركز
staff-audit-action-refer = صيفطات لجهة
staff-audit-action-consent_override = تجاوزات الموافقة ديالها
staff-audit-action-referral_update = بدّلات إحالة
staff-audit-action-note = زادت ملاحظة
staff-audit-action-message = صيفطات رسالة
staff-audit-action-close = سدّات
staff-audit-action-device_link = ربطات جهاز بمركز
staff-audit-action-stats_read = شافت الإحصائيات

staff-stats-heading = الإحصائيات
staff-stats-hint = غير الملفات اللي مولاتهم وافقو يتحسبو. الأعداد اللي تحت 5 مخبّية وكتبان «<5».
staff-stats-by-month = الملفات على حساب الشهر
staff-stats-by-region = الملفات على حساب الجهة
staff-stats-map-note = خريطة مبسّطة: كل مربّع جهة، والشمال لفوق؛ كلما كان اللون غامق كانو الملفات كثر.
staff-stats-month = الشهر
staff-stats-region = الجهة
staff-stats-type = النوع
staff-stats-count = العدد
staff-stats-all-cells = كاع الخانات (الجهة، الشهر، النوع)
staff-incident-rape = اغتصاب
staff-incident-sexual_assault = اعتداء جنسي
staff-incident-physical_assault = اعتداء جسدي
staff-incident-forced_marriage = زواج بالسيف
staff-incident-denial_of_resources = حرمان من الفلوس ولا الحقوق
staff-incident-psychological_abuse = عنف نفسي
staff-incident-digital_violence = عنف رقمي
staff-incident-not_gbv = ماشي عنف ضد المرا
staff-incident-unspecified = ما محدّدش

staff-tab-intake = الاستقبال فالمركز
staff-intake-heading = الاستقبال فالمركز
staff-intake-hint = لمرا جات للمركز. عمّريه معاها، بالموافقات اللي كتعطي. كيتحفظ دغيا مختوم، وكيتصيفط للايحة ديال المركز ديالك ملي يكون الاتصال.
staff-intake-kind = النوع
staff-intake-text = شنو كتقول، بالكلمات ديالها
staff-intake-submit = حفظي الاستقبال
staff-intake-saved = تحفظ وتختم. غادي يتصيفط للايحة ديال المركز غير يكون الاتصال.
