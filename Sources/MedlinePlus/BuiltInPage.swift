// swift-format-ignore-file
/// The built-in page: https://medlineplus.gov/osteonecrosis.html as a text dump, byte for
/// byte as `Tests/Corpus/osteonecrosis.seed.txt` (a test checks they are equal). It ships
/// inside the binary so `medterm` with no argument needs no network and no files. Its
/// mojibake ("EspaÃ±ol") is the source's, repaired by the reader, not here.
public enum BuiltInPage {
  /// The name shown where a file name would be.
  public static let name = "osteonecrosis (built-in)"

  /// The page's bytes.
  public static var bytes: [UInt8] { Array(text.utf8) }

  static let text = #"""
Link: https://medlineplus.gov/osteonecrosis.html    
                                Description: Osteonecrosis (Avascular Necrosis) is marked by a loss of blood supply to the bones, causing bone to break down faster than the body make new bone.     
                                Keywords: None    
                                            

Skip navigation

![National Institutes of Health](https://medlineplus.gov/images/nihlogo.png)
U.S. National Library of Medicine

![MedlinePlus Trusted Health Information for
You](https://medlineplus.gov/images/m_logo.png)

Menu

    * Health Topics
    * Drugs & Supplements
    * Videos & Tools
    * About MedlinePlus
Search

Search MedlinePlus

GO

    * About MedlinePlus
    * What's New
    * Site Map
    * Customer Support

    * Health Topics
    * Drugs & Supplements
    * Videos & Tools

EspaÃ±ol

You Are Here:

Home ->

Health Topics ->

Osteonecrosis

URL of this page: https://medlineplus.gov/osteonecrosis.html

#  Osteonecrosis

Also called: Aseptic necrosis, Avascular necrosis, Ischemic necrosis

On this page

### Basics

    * Summary
    * Start Here
    * Diagnosis and Tests
    * Treatments and Therapies

### Learn More

    * Specifics
    * Genetics

### See, Play and Learn

    * No links available

### Research

    * Clinical Trials
    * Journal Articles

### Resources

    * Find an Expert

### For You

    * Children
    * Patient Handouts

## Summary

Osteonecrosis is a disease caused by reduced blood flow to bones in the
joints. In people with healthy bones, new bone is always replacing old bone.
In osteonecrosis, the lack of blood causes the bone to break down faster than
the body can make enough new bone. The bone starts to die and may break down.

You can have osteonecrosis in one or several bones. It is most common in the
upper leg. Other common sites are your upper arm and your knees, shoulders and
ankles. The disease can affect men and women of any age, but it usually
strikes in your thirties, forties or fifties.

At first, you might not have any symptoms. As the disease gets worse, you will
probably have joint pain that becomes more severe. You may not be able to bend
or move the affected joint very well.

No one is sure what causes the disease. Risk factors include

    * Long-term steroid treatment
    * Alcohol misuse
    * Joint injuries
    * Having certain diseases, including arthritis and cancer 

Doctors use imaging tests and other tests to diagnose osteonecrosis.
Treatments include medicines, using crutches, limiting activities that put
weight on the affected joints, electrical stimulation and surgery.

NIH: National Institute of Arthritis and Musculoskeletal and Skin Diseases

## Start Here

    * Avascular Necrosis (Mayo Foundation for Medical Education and Research) Also in Spanish
    * Osteonecrosis ![From the National Institutes of Health](https://medlineplus.gov/images/nih.png) (National Institute of Arthritis and Musculoskeletal and Skin Diseases) Also in Spanish
    * Osteonecrosis (American College of Rheumatology) Also in Spanish

## Diagnosis and Tests

    * Body CT (CAT Scan) (American College of Radiology, Radiological Society of North America) Also in Spanish
    * Bone Scan (Mayo Foundation for Medical Education and Research) Also in Spanish
    * Bone X-Ray (Radiography) ![Video](https://medlineplus.gov/images/videocamera.gif) (American College of Radiology, Radiological Society of North America) Also in Spanish

## Treatments and Therapies

    * Bone Grafts: MedlinePlus Health Topic ![From the National Institutes of Health](https://medlineplus.gov/images/nih.png) (National Library of Medicine) Also in Spanish
    * Hip Replacement Surgery ![From the National Institutes of Health](https://medlineplus.gov/images/nih.png) (National Institute of Arthritis and Musculoskeletal and Skin Diseases) Also in Spanish

## Specifics

    * KienbÃ¶ck's Disease (American Society for Surgery of the Hand)
    * Osteonecrosis of the Jaw (ONJ) (American College of Rheumatology) Also in Spanish

## Genetics

    * Genetics Home Reference: Legg-CalvÃ©-Perthes disease ![From the National Institutes of Health](https://medlineplus.gov/images/nih.png) (National Library of Medicine)

## Clinical Trials

    * ClinicalTrials.gov: Legg-Calve-Perthes Disease ![From the National Institutes of Health](https://medlineplus.gov/images/nih.png) (National Institutes of Health)
    * ClinicalTrials.gov: Osteonecrosis ![From the National Institutes of Health](https://medlineplus.gov/images/nih.png) (National Institutes of Health)

## Journal Articles References and abstracts from MEDLINE/PubMed (National
Library of Medicine)

    * Article: Microarray profiling of circular RNAs in steroid-associated osteonecrosis of the femoral...
    * Article: Long-term follow-up results of femoral varus osteotomy in the treatment of...
    * Article: Primary wound closure and perioperative antibiotic therapy for prevention of bisphosphonate-related...
    * Osteonecrosis -- see more articles

## Find an Expert

    * National Institute of Arthritis and Musculoskeletal and Skin Diseases ![From the National Institutes of Health](https://medlineplus.gov/images/nih.png) Also in Spanish

## Children

    * Avascular Necrosis (CureSearch for Children's Cancer)
    * Legg-CalvÃ©-Perthes Disease (For Parents) (Nemours Foundation)

## Patient Handouts

    * Osteonecrosis (Medical Encyclopedia) Also in Spanish

## Topic Image

![Osteonecrosis](https://medlineplus.gov/images/Osteonecrosis.jpg)

## Stay Connected

Sign up for the My MedlinePlus newsletter What's this?

GO

## MEDICAL ENCYCLOPEDIA

    * Osteonecrosis

## Related Health Topics

    * Hip Injuries and Disorders

## National Institutes of Health

The primary NIH organization for research on Osteonecrosis is the National
Institute of Arthritis and Musculoskeletal and Skin Diseases

## Disclaimers

MedlinePlus links to health information from the National Institutes of Health
and other federal government agencies. MedlinePlus also links to health
information from non-government Web sites. See our disclaimer about external
links and our quality guidelines.

    * About MedlinePlus
    * What's New
    * Site Map
    * Customer Support
    * Get updates
    * Subscribe to RSS
    * Follow us ![Twitter](https://medlineplus.gov/images/i_share_twitter.png) ![Facebook](https://medlineplus.gov/images/i_share_fb.png)

    * Disclaimers
    * Copyright
    * Privacy
    * Accessibility
    * Guidelines for Links
    * Viewers & Players
    * MedlinePlus Connect for EHRs
    * For Developers

U.S. National Library of Medicine 8600 Rockville Pike, Bethesda, MD 20894 U.S.
Department of Health and Human Services National Institutes of Health

Page last updated on 30 January 2020 Topic last reviewed: 17 March 2016

![Return to top](https://medlineplus.gov/images/return-top.png)


"""#
}
