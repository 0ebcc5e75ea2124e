// Plausibility warnings of the registry forms (issue #17): Turkish first; the English object translates every key.

export const registryPlausibilityTr = {
  'registry.kutukPlate.warning': 'Kütük numarası {kutukPlate} ile başlıyor, ama {province} ilinin plaka kodu {plate}. Numarayı denetleyin.',
  'registry.kutukPlate.saves': 'Doğruysa yine de kaydedebilirsiniz.',
  'registry.kutukPlate.refused': 'Bakanlığın kuralına göre bu numara kaydedilemez.',
  'policy.plausibility.title': 'Tutarlılık kuralları',
  'policy.plausibility.nonWorkingDay': 'Hafta sonu ya da tatil gününe toplantı ve çalıştay',
  'policy.plausibility.kutukPlate': 'Kütük numarasının il kodu derneğin iliyle uyuşmazsa',
  'policy.plausibility.warn': 'Uyar, kaydetmeye izin ver',
  'policy.plausibility.refuse': 'Reddet, kaydetme',
  'policy.plausibility.maxLetterAge': 'Evrak tarihi en çok kaç gün önce olabilir',
  'policy.plausibility.maxLetterAgeHelp': 'Boş bırakılırsa sınır yok (eski dosyalar sonradan girilebilir).',
  'policy.plausibility.noLimit': 'Sınır yok',
};

export const registryPlausibilityEn: Record<keyof typeof registryPlausibilityTr, string> = {
  'registry.kutukPlate.warning': 'The register number starts with {kutukPlate}, but the plate code of {province} is {plate}. Check the number.',
  'registry.kutukPlate.saves': 'If it is right, you can still save it.',
  'registry.kutukPlate.refused': 'The ministry’s rule does not allow saving this number.',
  'policy.plausibility.title': 'Plausibility rules',
  'policy.plausibility.nonWorkingDay': 'Meetings and workshops on a weekend or a public holiday',
  'policy.plausibility.kutukPlate': 'A register number whose plate code is not the association’s province',
  'policy.plausibility.warn': 'Warn, allow saving',
  'policy.plausibility.refuse': 'Refuse',
  'policy.plausibility.maxLetterAge': 'How many days old a letter may be at most',
  'policy.plausibility.maxLetterAgeHelp': 'Empty: no limit (old files can be entered later).',
  'policy.plausibility.noLimit': 'No limit',
};
