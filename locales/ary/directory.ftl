## الدليل: الخدمة والتكوين والخدمات اللي قريبين ليها (بالدارجة).

directory-open = الخدمة والتكوين والمساعدة قريبين ليك
directory-heading = الخدمة والتكوين والمساعدة
directory-close = رجعي
directory-offline = خدام بلا أنترنيت: الإعلانات محفوظين فهاد التيليفون. التقليب ما محتاجش الكود السري.
directory-never = الدليل مازال ما وصلش لهاد التيليفون. غادي يوصل ملي يتصل التيليفون بالخدمة.
directory-receiving = كيوصل الدليل: { $percent }٪
directory-receiving-started = الدليل كيوصل…
directory-saving = كنحفظو الدليل فهاد التيليفون…
directory-updated = { $count ->
    [zero] تبدّل اليوم.
    [one] تبدّل هادي نهار.
    [two] تبدّل هادي يوماين.
    [few] تبدّل هادي { $count } أيام.
    [many] تبدّل هادي { $count } يوم.
   *[other] تبدّل هادي { $count } يوم.
}
directory-count = { $count ->
    [zero] حتى إعلان.
    [one] إعلان واحد.
    [two] جوج إعلانات.
    [few] { $count } إعلانات.
    [many] { $count } إعلان.
   *[other] { $count } إعلان.
}
directory-refresh = شوفي واش كاين جديد
directory-tab-search = قلّبي
directory-tab-saved = اللي حفظتي
directory-search-label = قلّبي (كلمة، مدينة، برنامج)
directory-search-placeholder = بحال: تكوين، خياطة، فاس
directory-kind-label = وريني
directory-kind-all = كلشي
directory-kind-opportunity = الخدمة والتكوين
directory-kind-service = اللي يعاونوك
directory-category-label = النوع
directory-category-all = كاع الأنواع
directory-category-job = الخدمة
directory-category-training = التكوين
directory-category-vocational_training = التكوين المهني
directory-category-business_creation = تحلّي مشروع ديالك
directory-category-income_generating = مشاريع اللي كيدخلو الفلوس
directory-category-financing = التمويل والقروض
directory-category-programme = البرامج الوطنية
directory-category-emergency = نمرات الطوارئ
directory-category-listening_center = مراكز الإنصات
directory-category-care_cell = خلايا التكفل بالنساء (النيابة العامة)
directory-category-police = البوليس
directory-category-gendarmerie = الجدارمية (الدرك الملكي)
directory-category-health = الصحة
directory-category-shelter = مراكز الإيواء
directory-category-legal_aid = المساعدة القانونية
directory-category-association = الجمعيات
directory-region-label = الجهة
directory-region-all = كاع الجهات
directory-loading = كنقلبو…
directory-results = { $count ->
    [zero] ما لقينا والو
    [one] لقينا إعلان واحد
    [two] لقينا جوج إعلانات
    [few] لقينا { $count } إعلانات
    [many] لقينا { $count } إعلان
   *[other] لقينا { $count } إعلان
}
directory-empty = ما لقينا والو. جربي كلمات خرين، ولا حيّدي الفيلترات.
directory-empty-never = مازال ما كاين حتى إعلان فهاد التيليفون. دخلي للأنترنيت مرة وحدة باش يوصلوك.
directory-clear = حيّدي الفيلترات
directory-error = ما قدرناش نقراو الدليل فهاد التيليفون.
directory-not-found = هاد الإعلان ما بقاش فالدليل.
directory-sample = مثال: ماشي إعلان حقيقي
directory-national = المغرب كامل
directory-deadline = آخر أجل باش تقدّمي: { $date }
directory-closed = فات آخر أجل
directory-back-list = رجعي للّيستة
directory-about = شنو هو
directory-eligibility = شكون تقدر تقدّم
directory-women-only = للعيالات
directory-age-min = { $count ->
    [few] من { $count } سنين ولفوق
   *[other] من { $count } عام ولفوق
}
directory-age-max = { $count ->
    [few] حتى لـ { $count } سنين
   *[other] حتى لـ { $count } عام
}
directory-schooling = القراية:
directory-how-to-apply = كيفاش تقدّمي
directory-cost = بشحال
directory-free = فابور
directory-not-free = بالخلاص
directory-dates = التواريخ
directory-starts = كيبدا نهار { $date }
directory-hours = الأوقات
directory-languages = اللغات اللي كيهضرو
directory-contact = التواصل
directory-call = عيّطي
directory-address = العنوان:
directory-open-map = حلّي العنوان فالخريطة
directory-source = المصدر:
directory-verified = تشاف نهار { $date }
directory-ask = سولي وحدة من المنصتات على هادشي
directory-ask-text = بغيت نعرف كثر على: { $title }
directory-ask-sent = السؤال ديالك تحفظ وغادي يتصيفط لوحدة من المنصتات غير يكون الريزو.
directory-save = حفظي
directory-unsave = حيّديه من اللي حفظتي
directory-saved-ok = تحفظ فهاد التيليفون، محمي بالكود السري ديالك.
directory-unsaved-ok = تحيّد من الإعلانات اللي حفظتي.
directory-save-locked = باش تحفظي الإعلانات، ختاري كود سري فالصفحة الرئيسية وحلّي بيه التطبيق.
directory-saved-none = مازال ما حفظتي حتى إعلان.
directory-saved-locked = الإعلانات اللي حفظتي كيبانو ملي يكون التطبيق محلول بالكود السري ديالك.
