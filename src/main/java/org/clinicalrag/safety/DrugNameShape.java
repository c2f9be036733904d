package org.clinicalrag.safety;

import java.util.regex.Pattern;

/**
 * Whether a word is shaped like a generic drug name, by the WHO International Nonproprietary Name stems
 * ("-xaban", "-mycin", "-racetam", "-grelor", …). Used to tell "a drug the sources never mention" (abstain) from
 * "a disease word the sources phrase differently" (answer from the closest passage), and a drug from a name the
 * de-identification vocabulary does not list.
 */
public final class DrugNameShape {

    private static final Pattern INN_STEM = Pattern.compile("(?i).{3,}(?:"
            + "mab|umab|ximab|zumab|tinib|ciclib|rafenib|parib|pril|prilat|sartan|olol|alol|ilol|azole|conazole|mycin|"
            + "micin|cillin|floxacin|oxacin|cycline|penem|bactam|parin|xaban|gatran|statin|prazole|oxetine|"
            + "azepam|azolam|zolam|tidine|dronate|dronic|vir|navir|platin|setron|grelor|grel|trexone|afil|terol|"
            + "sonide|lukast|gliptin|gliflozin|glutide|caine|profen|fenac|dipine|semide|thiazide|triptan|racetam|"
            + "medetomidine|tropium|teplase|plase|anet|atroban|irudin|kinra|cept|ridone|peridol|apine|etine|"
            + "pramine|triptyline|zosin|tiazem|pamil|dralazine|nidazole|fungin|ocillin|cef[a-z]*|vudine|dopa|"
            + "sterone|olone|asone|nisone|sone|lamide|amide|glinide|formin|amycin|mustine|rubicin|taxel|tecan|parinux)$");

    private DrugNameShape() {
    }

    public static boolean looksLikeDrug(String term) {
        return INN_STEM.matcher(term).matches();
    }
}
