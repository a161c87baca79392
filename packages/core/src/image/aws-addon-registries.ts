/**
 * The AWS accounts of Amazon EKS's add-on image registries, one ECR registry per Region
 * (docs.aws.amazon.com/eks/latest/userguide/add-ons-images.html, "View Amazon container image
 * registries for Amazon EKS add-ons"): kube-proxy, CoreDNS, the VPC CNI (aws-node) and the other
 * AWS-managed add-ons pull from them. They are `trustedImageAccounts`' default: Customs cannot read
 * another account's ECR, and these images are AWS's to scan and sign, not the account's.
 */
export const AWS_EKS_ADDON_REGISTRY_ACCOUNTS: readonly string[] = [
  '602401143452', // most commercial Regions (us-east-1, us-west-2, eu-west-1, ap-northeast-1, …)
  '877085696533', // af-south-1
  '800184023465', // ap-east-1
  '533267051163', // ap-east-2
  '900889452093', // ap-south-2
  '296578399912', // ap-southeast-3
  '491585149902', // ap-southeast-4
  '151610086707', // ap-southeast-5
  '333609536671', // ap-southeast-6
  '121268973566', // ap-southeast-7
  '761377655185', // ca-west-1
  '918309763551', // cn-north-1
  '961992271922', // cn-northwest-1
  '900612956339', // eu-central-2
  '590381155156', // eu-south-1
  '455263428931', // eu-south-2
  '066635153087', // il-central-1
  '759879836304', // me-central-1
  '558608220178', // me-south-1
  '730335286997', // mx-central-1
  '151742754352', // us-gov-east-1
  '013241004608', // us-gov-west-1
  '877088126301', // eusc-de-east-1
];
